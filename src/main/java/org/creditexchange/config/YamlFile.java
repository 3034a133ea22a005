package org.creditexchange.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML configuration file: binds it to a definition record (kebab-case keys, unknown keys refused)
 * and remembers the line of every value, so that later checks can name the line of a mistake.
 */
public final class YamlFile {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                    .addDeserializer(java.time.Duration.class, new DurationText()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final Path file;
    private final Path shownAs;
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlFile(Path file, Path shownAs) {
        this.file = file;
        this.shownAs = shownAs;
    }

    /**
     * Reads {@code file}, binding it to {@code type}.
     *
     * @param shownAs  the name used in problems (usually the path relative to the configuration root)
     * @param problems where a syntax or binding mistake is reported
     * @return the bound record and its line index, or empty when the file could not be bound
     */
    public static <T> Optional<Bound<T>> read(Path file, Path shownAs, Class<T> type, List<ConfigProblem> problems) {
        YamlFile yaml = new YamlFile(file, shownAs);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                problems.add(new ConfigProblem(shownAs, 0, "", "file is empty"));
                return Optional.empty();
            }
            yaml.index(root, "");
        } catch (IOException e) {
            problems.add(new ConfigProblem(shownAs, 0, "", "cannot read file: " + e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(shownAs, lineOf(e), "", "not valid YAML: " + firstLine(e.getMessage())));
            return Optional.empty();
        }
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            return Optional.of(new Bound<>(value, yaml));
        } catch (JsonMappingException e) {
            // The parser's location may already be past the offending key (e.g. when a polymorphic object is
            // buffered until its type: or an unknown key is reported where the object ends): for a keyed value,
            // prefer the indexed line of its path.
            String path = pathOf(e);
            Integer indexed = path.endsWith("]") ? null : yaml.lines.get(path);
            JsonLocation loc = e.getLocation();
            int line = indexed != null ? indexed : loc == null ? 0 : loc.getLineNr();
            problems.add(new ConfigProblem(shownAs, line, path, readable(e)));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new ConfigProblem(shownAs, loc == null ? 0 : loc.getLineNr(), "", firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            problems.add(new ConfigProblem(shownAs, 0, "", "cannot read file: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** A bound record together with the file it came from. */
    public record Bound<T>(T value, YamlFile file) {
    }

    /** The file's name as shown in problems. */
    public Path shownAs() {
        return shownAs;
    }

    /** The file on disk. */
    public Path path() {
        return file;
    }

    /**
     * A problem at a YAML path such as {@code fields[3].code-table}; the line is that of the deepest
     * existing prefix of the path (a missing key is reported at its parent).
     */
    public ConfigProblem problem(String path, String message) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return new ConfigProblem(shownAs, line, path, message);
            }
            if (p.isEmpty()) {
                return new ConfigProblem(shownAs, 0, path, message);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private void index(Node node, String path) {
        lines.put(path, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    index(t.getValueNode(), child);
                    lines.put(child, t.getKeyNode().getStartMark().getLine() + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                index(items.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** Jackson's message without Java class names: operators read these. */
    private static String readable(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown key '" + u.getPropertyName() + "' (known keys here: " + String.join(", ", known) + ")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException t) {
            String m = t.getOriginalMessage();
            int known = m.indexOf("known type ids = ");
            return "unknown type '" + t.getTypeId() + "'"
                    + (known < 0 ? "" : " (" + m.substring(known, m.indexOf(']', known) + 1).replace(" ids = ", "s: ") + ")");
        }
        String message = firstLine(e.getOriginalMessage());
        int problem = message.indexOf("problem: ");
        if (problem >= 0) {
            return message.substring(problem + "problem: ".length());
        }
        return message.replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value");
    }

    private static int lineOf(RuntimeException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return m.getProblemMark().getLine() + 1;
        }
        return 0;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
