package com.authlete.toolkit.credentials;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Reading and atomically rewriting the small YAML files of this module (config and link files), on SnakeYAML's node
 * tree so that what people write by hand survives a rewrite: comments stay where they were, anchors, aliases and
 * merge keys ({@code <<: *base}) stay as written (and are honoured when reading), and only the values that changed
 * are replaced. A symbolic link is followed: its target is rewritten, and the link stays.
 */
final class YamlFiles {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** Changes a document (the values as read, merge keys applied); returns false to leave the file as it is. */
    @FunctionalInterface
    interface Edit {
        boolean apply(ObjectNode document) throws CredentialsException;
    }

    private YamlFiles() {}

    /** SnakeYAML is only loaded when there is a file: most runs in CI have none. */
    private static final class Snake {
        static final Resolver RESOLVER = new Resolver();

        /**
         * A comment on a document marker's line ({@code --- # mine}): SnakeYAML's composer fails on it with a
         * ClassCastException when it keeps comments, so it is moved to the line below the marker, where it stays.
         */
        private static final Pattern MARKER_COMMENT = Pattern.compile("(?m)^(---|\\.\\.\\.)[ \\t]+(#.*)$");

        /** The node tree of a document, comments included, without constructing Java objects. */
        static Node compose(Reader in) throws IOException {
            StringWriter text = new StringWriter();
            in.transferTo(text);
            String document = MARKER_COMMENT.matcher(text.toString()).replaceAll("$1\n$2");
            LoaderOptions loading = new LoaderOptions();
            loading.setProcessComments(true);
            loading.setAllowDuplicateKeys(false);
            try {
                return new Composer(new ParserImpl(new StreamReader(document), loading), RESOLVER, loading)
                        .getSingleNode();
            } catch (ClassCastException e) {
                // Another place SnakeYAML cannot hold a comment: refused, rather than rewritten without the comments.
                throw new YAMLException("a comment stands where it cannot be kept through a rewrite (" + e.getMessage()
                        + "); move it to a line of its own");
            }
        }

        static String serialize(Node root) throws IOException {
            DumperOptions dumping = new DumperOptions();
            dumping.setProcessComments(true);
            dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            dumping.setIndent(2);
            dumping.setWidth(Integer.MAX_VALUE); // long values (an OAuth login) stay on one line
            StringWriter text = new StringWriter();
            Serializer serializer = new Serializer(new Emitter(text, dumping), RESOLVER, dumping, null);
            serializer.open();
            serializer.serialize(root);
            serializer.close();
            return text.toString();
        }
    }

    /** Jackson's streaming YAML parser: the fast way to read, as every command with a config file does. */
    private static final class Fast {
        static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    }

    /**
     * The document, or an empty one when the file does not exist; a broken file is an error naming its line. Read
     * by Jackson's streaming parser; a document with merge keys (which that parser does not apply) is read again
     * through SnakeYAML's node tree, which costs a few milliseconds of start-up more.
     */
    static ObjectNode read(Path file) throws CredentialsException {
        if (!Files.exists(file)) {
            return JsonTrees.NODES.objectNode();
        }
        JsonNode node;
        try (JsonParser parser = Fast.FACTORY.createParser(file.toFile())) {
            node = JsonTrees.read(parser);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new CredentialsException(
                    file + " is not valid YAML" + where + ": " + e.getOriginalMessage() + "; fix or remove it", e);
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonTrees.NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new CredentialsException(file + " is not a YAML mapping; fix or remove it");
        }
        return hasMergeKey(node) ? values(file, compose(file)) : (ObjectNode) node;
    }

    private static boolean hasMergeKey(JsonNode node) {
        if (node.isObject()) {
            if (node.has("<<")) {
                return true;
            }
            for (JsonNode child : node) {
                if (hasMergeKey(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MappingNode compose(Path file) throws CredentialsException {
        if (!Files.exists(file)) {
            return emptyMapping();
        }
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = Snake.compose(in);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where =
                    mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
            throw new CredentialsException(
                    file + " is not valid YAML" + where + ": " + e.getProblem() + "; fix or remove it", e);
        } catch (YAMLException e) {
            throw new CredentialsException(file + " is not valid YAML: " + e.getMessage() + "; fix or remove it", e);
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null
                || (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
            return emptyMapping();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new CredentialsException(file + " is not a YAML mapping; fix or remove it");
        }
        return mapping;
    }

    private static MappingNode emptyMapping() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }

    private static ObjectNode values(Path file, MappingNode root) throws CredentialsException {
        try {
            return (ObjectNode) value(root, 0);
        } catch (IllegalStateException e) {
            throw new CredentialsException(file + ": " + e.getMessage() + "; fix or remove it", e);
        }
    }

    /** The values of a node as JSON: scalars as text (null as null), merge keys applied. */
    private static JsonNode value(Node node, int depth) {
        if (depth > 50) {
            throw new IllegalStateException("nested too deeply");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL)
                    ? JsonTrees.NODES.nullNode()
                    : JsonTrees.NODES.textNode(scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            var array = JsonTrees.NODES.arrayNode();
            sequence.getValue().forEach(item -> array.add(value(item, depth + 1)));
            return array;
        }
        MappingNode mapping = (MappingNode) node;
        ObjectNode object = JsonTrees.NODES.objectNode();
        // YAML merge keys: the merged mappings first (an earlier one wins over a later one), then the mapping's own
        // keys.
        for (NodeTuple tuple : mapping.getValue()) {
            if (isMerge(tuple)) {
                List<Node> sources = tuple.getValueNode() instanceof SequenceNode list
                        ? list.getValue()
                        : List.of(tuple.getValueNode());
                for (Node source : sources) {
                    if (!(source instanceof MappingNode)) {
                        throw new IllegalStateException("a merge key (<<) must refer to a mapping");
                    }
                    value(source, depth + 1).fields().forEachRemaining(field -> {
                        if (!object.has(field.getKey())) {
                            object.set(field.getKey(), field.getValue());
                        }
                    });
                }
            }
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isMerge(tuple)) {
                object.set(key(tuple), value(tuple.getValueNode(), depth + 1));
            }
        }
        return object;
    }

    private static boolean isMerge(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key
                && (key.getTag().equals(Tag.MERGE) || "<<".equals(key.getValue()));
    }

    private static String key(NodeTuple tuple) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw new IllegalStateException("keys must be plain text");
        }
        return key.getValue();
    }

    /**
     * Read-modify-write under a lock file (so concurrent writers do not lose each other's changes; see
     * {@link LockFiles} for where it lives), written to
     * a temporary file beside the target and renamed over it (so readers never see half a file). A file that
     * does not parse is never overwritten.
     */
    static void update(Path file, boolean privateFile, Edit edit) throws CredentialsException {
        Path target = file;
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path lock = LockFiles.of(file, System.getenv());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                // A link (config kept in a dotfiles repository, say) stays a link: the file it points to is rewritten.
                target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
                MappingNode root = compose(target);
                ObjectNode before = values(target, root);
                ObjectNode after = before.deepCopy();
                if (!edit.apply(after) || after.equals(before)) {
                    return;
                }
                apply(root, before, after);
                write(target, Snake.serialize(root).getBytes(StandardCharsets.UTF_8), privateFile);
            }
        } catch (IOException e) {
            throw new CredentialsException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, byte[] bytes, boolean privateFile) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(
                        directory, "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE))
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            if (posix && !privateFile) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Carries the edit's changes into the node tree: changed values replace the old value nodes (keeping the key's
     * comments and the value's inline comment), new keys are appended, removed keys are dropped. A key that only
     * came from a merge gets a key of its own, which YAML lets win over the merged one.
     */
    private static void apply(MappingNode raw, ObjectNode before, ObjectNode after) {
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = before.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.equals(old)) {
                continue;
            }
            int index = ownIndex(raw, field.getKey());
            NodeTuple own = index < 0 ? null : raw.getValue().get(index);
            Node replacement;
            if (value.isObject()) {
                MappingNode child =
                        own != null && own.getValueNode() instanceof MappingNode existing ? existing : emptyMapping();
                apply(
                        child,
                        old != null && old.isObject() ? (ObjectNode) old : JsonTrees.NODES.objectNode(),
                        (ObjectNode) value);
                replacement = child;
            } else {
                replacement = scalar(value);
                if (own != null) {
                    replacement.setInLineComments(own.getValueNode().getInLineComments());
                }
            }
            if (own != null) {
                raw.getValue().set(index, new NodeTuple(own.getKeyNode(), replacement));
            } else {
                raw.getValue()
                        .add(new NodeTuple(
                                new ScalarNode(Tag.STR, field.getKey(), null, null, DumperOptions.ScalarStyle.PLAIN),
                                replacement));
            }
        }
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!after.has(name)) {
                int index = ownIndex(raw, name);
                if (index >= 0) {
                    raw.getValue().remove(index);
                }
            }
        }
    }

    private static int ownIndex(MappingNode mapping, String key) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (!isMerge(tuples.get(i))
                    && tuples.get(i).getKeyNode() instanceof ScalarNode name
                    && name.getValue().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Node scalar(JsonNode value) {
        if (value.isNull()) {
            return new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (value.isArray()) {
            List<Node> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item)));
            return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.BLOCK);
        }
        // Text, in double quotes where plain text would read back as another type (a number, a boolean); the
        // emitter also quotes what plain style cannot hold.
        String text = value.asText();
        boolean plainIsText = Snake.RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
        return new ScalarNode(
                Tag.STR,
                text,
                null,
                null,
                plainIsText ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }
}
