package io.vjvector.bench.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Candidate texts from files of Debian packages: dictionary words, WordNet glosses, dictd
 * dictionaries (GCIDE, FOLDOC), fortunes, man pages, licences and copyright files. Every text is
 * one line (whitespace collapsed), 1..{@value #MAX_CHARS} characters.
 */
final class TextSources {

  static final int MAX_CHARS = 300;
  private static final int MIN_SENTENCE_CHARS = 20;

  /** One candidate text and the kind of source it came from. */
  record Text(String text, String source) {}

  /**
   * Changes whenever extraction changes, so that cached candidates are rebuilt: part of the
   * candidates' cache key.
   */
  static final String VERSION = "3";

  /** After . ! or ?, not after an initial ("J. R. R.", "U. S.") or a common abbreviation. */
  private static final Pattern SENTENCE_END =
      Pattern.compile(
          "(?<=[.!?])(?<!(?:^|[\\s.(])\\p{L}\\.)"
              + "(?<!\\b(?:e\\.g|i\\.e|Mr|Mrs|Ms|Dr|St|Mt|vs|cf|viz|Jr|Sr|No|Fig|Vol|ch|pp|Gen|Rev)\\.)"
              + "[\"')\\]]*\\s+(?=[\\p{Lu}\"'(\\[])");

  private static final Pattern DICT_PRONUNCIATION = Pattern.compile("\\\\[^\\\\\\n]{0,80}\\\\");
  private static final Pattern DICT_BRACKETS = Pattern.compile("\\[[^\\]\\n]{0,200}\\]");
  private static final Pattern DICT_ATTRIBUTION =
      Pattern.compile("(?m)\\s--\\s?[\\p{Lu}\\d][^;\\n]{0,80}$");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+(?=[.,;:!?])");
  private static final Pattern DICT_DATE = Pattern.compile("\\(\\d{4}-\\d{2}-\\d{2}\\)");
  private static final Pattern ENUMERATION = Pattern.compile("^(\\(?(\\d{1,2}|[a-z])[.)]\\s+)+");
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

  private TextSources() {}

  /**
   * Distinct texts from the listed files, sorted. Two texts that the (uncased) MiniLM tokenizer
   * cannot tell apart count as one: the smallest is kept.
   */
  static List<Text> collect(List<Path> files, Map<String, Integer> perSource) throws IOException {
    Map<String, Text> byKey = new HashMap<>();
    int fileCount = 0;
    for (Path file : files) {
      String kind = kind(file);
      if (kind == null || !Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
        continue;
      }
      List<String> texts = extract(file, kind);
      fileCount++;
      String source = kind.equals("dict") ? dictName(file) : kind;
      for (String t : texts) {
        Text candidate = new Text(t, source);
        byKey.merge(key(t), candidate, TextSources::smaller);
      }
      if (fileCount % 500 == 0) {
        System.out.printf("collect: %d files, %d distinct texts%n", fileCount, byKey.size());
      }
    }
    List<Text> out = new ArrayList<>(byKey.values());
    out.sort((a, b) -> a.text().compareTo(b.text()));
    Map<String, Integer> counts = new TreeMap<>();
    for (Text t : out) {
      counts.merge(t.source(), 1, Integer::sum);
    }
    perSource.putAll(counts);
    System.out.printf(
        "collect: %d files read, %d distinct texts %s%n", fileCount, out.size(), counts);
    return out;
  }

  private static Text smaller(Text a, Text b) {
    int c = a.text().compareTo(b.text());
    if (c == 0) {
      c = a.source().compareTo(b.source());
    }
    return c <= 0 ? a : b;
  }

  /**
   * What the uncased BERT tokenizer sees: accents stripped, lower case, words and punctuation marks
   * as separate tokens.
   */
  static String key(String text) {
    String s = COMBINING.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length() + 8);
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else if (Character.isLetterOrDigit(c)) {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        b.append(c);
        space = false;
      } else {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(c);
        space = true;
      }
    }
    return b.toString();
  }

  /** Which parser a packaged file needs, or null when it holds no running text. */
  static String kind(Path file) {
    String p = file.toString();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (p.startsWith("/usr/share/dict/") && !name.equals("words") && !name.contains(".")) {
      return "words";
    }
    if (p.startsWith("/usr/share/wordnet/data.")) {
      return "wordnet";
    }
    if (p.startsWith("/usr/share/dictd/") && name.endsWith(".dict.dz")) {
      return "dict";
    }
    if (p.startsWith("/usr/share/games/fortunes/") && !name.contains(".")) {
      return "fortunes";
    }
    if (p.matches("/usr/share/man/man[1-9][^/]*/[^/]+")) {
      return "man";
    }
    if (p.startsWith("/usr/share/common-licenses/")) {
      return "licenses";
    }
    if (p.startsWith("/usr/share/doc/") && name.equals("copyright")) {
      return "copyright";
    }
    return null;
  }

  private static String dictName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.indexOf('.'));
  }

  static List<String> extract(Path file, String kind) throws IOException {
    String content = read(file);
    if (content == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    switch (kind) {
      case "words":
        for (String line : content.split("\n")) {
          String w = line.strip();
          if (!w.isEmpty() && !w.endsWith("'s") && w.length() <= 40) {
            out.add(w);
          }
        }
        break;
      case "wordnet":
        for (String line : content.split("\n")) {
          int bar = line.indexOf(" | ");
          if (line.startsWith(" ") || bar < 0) {
            continue;
          }
          for (String part : line.substring(bar + 3).split(";")) {
            String t = part.strip();
            if (t.length() > 1 && t.startsWith("\"") && t.endsWith("\"")) {
              t = t.substring(1, t.length() - 1);
            }
            addSentence(out, t);
          }
        }
        break;
      case "dict":
        for (String para : blankSeparated(content)) {
          String p = DICT_PRONUNCIATION.matcher(para).replaceAll(" ");
          p = DICT_BRACKETS.matcher(p).replaceAll(" ");
          p = DICT_DATE.matcher(p).replaceAll(" ");
          p = p.replace("{", "").replace("}", "");
          p = DICT_ATTRIBUTION.matcher(p).replaceAll(" ");
          p = SPACE_BEFORE_PUNCTUATION.matcher(p).replaceAll("");
          sentences(p, out);
        }
        break;
      case "fortunes":
        for (String fortune : content.split("\n%\n")) {
          String t = collapse(fortune);
          if (t.length() <= MAX_CHARS) {
            addSentence(out, t);
          } else {
            sentences(fortune, out);
          }
        }
        break;
      case "man":
        for (String para : Roff.paragraphs(List.of(content.split("\n")))) {
          sentences(para, out);
        }
        break;
      default:
        for (String para : blankSeparated(content)) {
          sentences(para, out);
        }
    }
    return out;
  }

  private static List<String> blankSeparated(String content) {
    return List.of(content.split("\n[ \t]*\n"));
  }

  /** Sentences of one paragraph that look like prose. */
  static void sentences(String paragraph, List<String> out) {
    for (String s : SENTENCE_END.split(collapse(paragraph))) {
      addSentence(out, ENUMERATION.matcher(s.strip()).replaceFirst(""));
    }
  }

  private static void addSentence(List<String> out, String raw) {
    String t = collapse(raw);
    if (t.length() >= MIN_SENTENCE_CHARS && t.length() <= MAX_CHARS && prose(t)) {
      out.add(t);
    }
  }

  /** At least three words, mostly letters, at least one lower-case letter. */
  static boolean prose(String t) {
    int letters = 0;
    int lower = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isLowerCase(c)) {
          lower++;
        }
      } else if (c == '\uFFFD' || Character.isISOControl(c)) {
        return false;
      }
    }
    int words = 0;
    for (String w : t.split(" ")) {
      if (w.chars().filter(Character::isLetter).count() >= 2) {
        words++;
      }
    }
    int nonSpace = t.length() - (int) t.chars().filter(c -> c == ' ').count();
    return words >= 3 && lower > 0 && letters >= 0.75 * nonSpace;
  }

  static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The file as UTF-8 (gunzipped when it is gzip); null when it is not valid UTF-8. */
  private static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
      bytes = in.readAllBytes();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString()
          .replace("\r\n", "\n");
    } catch (CharacterCodingException e) {
      // A few old man pages are still Latin-1.
      return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }
  }
}
