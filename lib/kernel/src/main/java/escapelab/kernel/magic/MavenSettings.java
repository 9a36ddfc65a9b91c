package escapelab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What {@code %maven} takes from the user's {@code ~/.m2/settings.xml}, as Maven reads it:
 * the local repository, offline mode and mirrors. Without the file, Maven's defaults.
 *
 * @param localRepository where resolved artifacts live and are looked for first
 * @param offline whether to stay off the network
 * @param mirrors mirrors in the file's order; the first that matches a repository serves it
 */
record MavenSettings(Path localRepository, boolean offline, List<Mirror> mirrors) {

    /**
     * A {@code <mirror>}.
     *
     * @param mirrorOf the repositories it stands in for, e.g. {@code *}, {@code central} or
     *     {@code external:*,!snapshots}
     */
    record Mirror(String id, String url, String mirrorOf) {
    }

    MavenSettings {
        mirrors = List.copyOf(mirrors);
    }

    /** Maven's settings for the user whose home is {@code userHome}. */
    static MavenSettings forUser(Path userHome) throws IOException {
        Path m2 = userHome.resolve(".m2");
        MavenSettings defaults = new MavenSettings(m2.resolve("repository"), false, List.of());
        Path file = m2.resolve("settings.xml");
        return Files.isRegularFile(file) ? read(file, userHome, defaults) : defaults;
    }

    /** The settings in {@code file}; what it leaves out comes from {@code defaults}. */
    static MavenSettings read(Path file, Path userHome, MavenSettings defaults) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String local = text(root, "localRepository");
        Path localRepository = local.isEmpty() ? defaults.localRepository()
                : Path.of(local.replace("${user.home}", userHome.toString()));
        String offline = text(root, "offline");
        List<Mirror> mirrors = new ArrayList<>();
        for (Element mirror : children(child(root, "mirrors"), "mirror")) {
            mirrors.add(new Mirror(text(mirror, "id"), text(mirror, "url"), text(mirror, "mirrorOf")));
        }
        return new MavenSettings(localRepository, offline.isEmpty() ? defaults.offline() : Boolean.parseBoolean(offline),
                mirrors.isEmpty() ? defaults.mirrors() : mirrors);
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName() == null
                    ? element.getTagName() : element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
