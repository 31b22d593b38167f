/**
 * What the vendor parsers share beyond CSV reading: the parser base class that holds a format's name, description
 * and extensions. A library for the parser modules, not a plugin itself.
 */
package io.battdat.parsers.common;
