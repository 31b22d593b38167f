/**
 * A third-party vendor parser built outside battdat-java: it depends on {@code battdat-api} alone, registers its
 * {@link io.battdat.api.parse.VendorParser} in {@code META-INF/services}, and the {@code battdat} command finds it
 * on the class path. A template for new formats (docs/extending.md section 3).
 */
package com.example.acme;
