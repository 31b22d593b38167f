package io.battdat.parsers.neware;

import io.battdat.api.metadata.BatteryDescription;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.metadata.CyclingProtocol;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The descriptive fields a Neware file carries (instrument, channel, start and end, barcode, remarks, software
 * versions), as battdat metadata: the fields that fit go to {@code test_protocol} and {@code battery}, the rest to
 * an extra {@code neware} object. Reads only the small parts of a file (an .nda header, the XML members of an
 * .ndax), each bounded in size.
 */
final class NewareMetadata {
    /** XML members larger than this are not described (they are a few kB in real archives). */
    private static final int XML_LIMIT = 4 << 20;
    private static final int NDA_HEAD = 1 << 20;

    private NewareMetadata() {
    }

    static BatteryMetadata read(Path file) {
        Map<String, Object> neware = new LinkedHashMap<>();
        CyclingProtocol.Builder protocol = CyclingProtocol.builder();
        BatteryMetadata.Builder meta = BatteryMetadata.defaults().toBuilder();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ndax") || !startsWithMagic(file)) {
            readNdax(file, neware, protocol, meta);
        } else {
            readNda(file, neware, protocol, meta);
        }
        meta.testProtocol(protocol.extra("neware", neware).build());
        return meta.build();
    }

    private static boolean startsWithMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(6);
            return java.util.Arrays.equals(head, NdaReader.MAGIC);
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
    }

    private static void readNda(Path file, Map<String, Object> neware, CyclingProtocol.Builder protocol,
                                BatteryMetadata.Builder meta) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(NDA_HEAD);
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
        if (head.length <= NdaReader.VERSION_OFFSET) {
            throw NewareErrors.bad(file, null, "too short for an .nda header");
        }
        int version = head[NdaReader.VERSION_OFFSET] & 0xFF;
        neware.put("file_format", "nda");
        neware.put("nda_version", version);
        String server = text(head, indexOf(head, "BTSServer"), 50);
        if (server != null) {
            neware.put("server_version", server);
            protocol.cycler("Neware " + server);
            // the client version follows 50 bytes after the server's 50
            String client = text(head, indexOf(head, "BTSServer") + 100, 50);
            if (client != null) {
                neware.put("client_version", client);
            }
        }
        if (version == 29 && head.length >= 2417) {
            long milligrams = (head[152] & 0xFFL) | (head[153] & 0xFFL) << 8 | (head[154] & 0xFFL) << 16
                    | (head[155] & 0xFFL) << 24;
            neware.put("active_mass_mg", milligrams / 1000.0);
            // the test's own block: start and end (local wall-clock text), the user, the test's name
            String start = text(head, 2127, 19);
            if (start != null && start.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                neware.put("start_time", start);
                try {
                    protocol.startDate(LocalDate.parse(start.substring(0, 10)));
                } catch (DateTimeParseException ignored) {
                    // kept as text
                }
            }
            String end = text(head, 2147, 19);
            if (end != null && end.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                neware.put("end_time", end);
            }
            String user = text(head, 2167, 40);
            if (user != null) {
                neware.put("user", user);
            }
            String test = text(head, 2227, 40);
            if (test != null) {
                neware.put("test_name", test);
            }
            String remarks = text(head, 2317, 100);
            if (remarks != null) {
                meta.comments(remarks);
            }
        } else if (version == 130) {
            int at = indexOf(head, "9.1.");
            if (at < 0) {
                at = indexOf(head, "9.0.");
            }
            String bts = text(head, at, 40);
            if (bts != null) {
                neware.put("bts_version", bts);
                if (server == null) {
                    protocol.cycler("Neware BTS " + bts);
                }
            }
        }
    }

    private static void readNdax(Path file, Map<String, Object> neware, CyclingProtocol.Builder protocol,
                                 BatteryMetadata.Builder meta) {
        neware.put("file_format", "ndax");
        try (ZipFile zip = NdaxReader.openZip(file)) {
            Element test = first(xml(zip, "TestInfo.xml"), "TestInfo");
            if (test != null) {
                Map<String, String> a = attributes(test);
                String barcode = a.remove("Barcode");
                if (barcode != null && !barcode.isBlank()) {
                    meta.battery(BatteryDescription.builder().extra("barcode", barcode).build());
                }
                String remark = a.remove("Remark");
                if (remark != null && !remark.isBlank()) {
                    meta.comments(remark);
                }
                String steps = a.get("StepName");
                if (steps != null && !steps.isBlank()) {
                    protocol.schedule(steps);
                }
                String start = a.get("StartTime");
                if (start != null && start.length() >= 10) {
                    try {
                        protocol.startDate(LocalDate.parse(start.substring(0, 10)));
                    } catch (DateTimeParseException ignored) {
                        // kept as text below
                    }
                }
                neware.put("channel", a.getOrDefault("DevID", "?") + "-" + a.getOrDefault("UnitID", "?") + "-"
                        + a.getOrDefault("ChlID", "?"));
                neware.putAll(a);
            }
            Element version = first(xml(zip, "VersionInfo.xml"), "ZwjVersion");
            if (version != null) {
                Map<String, String> a = attributes(version);
                String server = a.get("SvrVer");
                if (server != null) {
                    protocol.cycler("Neware " + server);
                }
                for (Map.Entry<String, String> e : a.entrySet()) {
                    neware.put("version_" + e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
    }

    /** The Aux entries of TestInfo.xml (AuxID, ChlType, ...), in their order; empty when there are none. */
    static List<Map<String, String>> auxChannels(Path file, ZipFile zip) {
        List<Map<String, String>> out = new ArrayList<>();
        Element test = first(xml(zip, "TestInfo.xml"), "TestInfo");
        if (test == null) {
            return out;
        }
        NodeList children = test.getChildNodes();
        for (int k = 0; k < children.getLength(); k++) {
            Node n = children.item(k);
            if (n instanceof Element e && e.getTagName().startsWith("Aux")) {
                out.add(attributes(e));
            }
        }
        return out;
    }

    /** The member parsed as XML, or null when absent, too large or not well-formed (it only describes). */
    private static Document xml(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(XML_LIMIT + 1);
            if (bytes.length > XML_LIMIT) {
                return null;
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception notReadable) { // IOException, SAXException, ParserConfigurationException
            return null;
        }
    }

    private static Element first(Document doc, String tag) {
        if (doc == null) {
            return null;
        }
        NodeList list = doc.getElementsByTagName(tag);
        return list.getLength() > 0 ? (Element) list.item(0) : null;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        NamedNodeMap a = e.getAttributes();
        for (int k = 0; k < a.getLength(); k++) {
            out.put(a.item(k).getNodeName(), a.item(k).getNodeValue());
        }
        return out;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + p.length <= bytes.length; i++) {
            for (int k = 0; k < p.length; k++) {
                if (bytes[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Printable ASCII from {@code at} up to a NUL (at most {@code max} bytes), or null when empty or absent. */
    private static String text(byte[] bytes, int at, int max) {
        if (at < 0 || at >= bytes.length) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + max); i++) {
            int c = bytes[i] & 0xFF;
            if (c == 0) {
                break;
            }
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            }
        }
        String s = sb.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
