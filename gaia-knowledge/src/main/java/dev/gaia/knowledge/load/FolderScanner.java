package dev.gaia.knowledge.load;

import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the files under roots. A root that is a file is taken as is, named by its file name, globs
 * not applied. A root that is a folder is walked recursively, following symbolic links (a link
 * back to a folder above is skipped, not followed forever); hidden files and folders (name
 * starting with {@code .}) are skipped; a file is taken when it matches an include glob (or there
 * are none) and no exclude glob, see {@link Glob} for the pattern syntax. Files come back root by
 * root in the order given, each root's files sorted by source name (by UTF-16 code units, the same
 * on every machine). Immutable and thread-safe.
 */
public final class FolderScanner {
  private final List<Glob> include;
  private final List<Glob> exclude;

  /**
   * @param include globs such as {@code **}{@code /*.md}; empty takes every file
   * @throws IllegalArgumentException for a malformed glob
   */
  public FolderScanner(List<String> include, List<String> exclude) {
    this.include = include.stream().map(Glob::of).toList();
    this.exclude = exclude.stream().map(Glob::of).toList();
  }

  /** What a scan found, and the folders or files it could not read. */
  public record Scan(List<SourceFile> files, List<LoadProblem> problems) {
    public Scan {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** @throws GaiaException (invalid request) when a root does not exist */
  public Scan scan(List<Path> roots) {
    List<SourceFile> files = new ArrayList<>();
    List<LoadProblem> problems = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        List<SourceFile> found = new ArrayList<>();
        walk(root, found, problems);
        found.sort(Comparator.comparing(SourceFile::source));
        files.addAll(found);
      } else if (Files.isRegularFile(root)) {
        files.add(new SourceFile(root, root.getFileName().toString()));
      } else {
        throw GaiaException.invalid("roots", "no such file or folder: " + root);
      }
    }
    return new Scan(files, problems);
  }

  boolean accepts(String relativePath) {
    return (include.isEmpty() || include.stream().anyMatch(g -> g.matches(relativePath)))
        && exclude.stream().noneMatch(g -> g.matches(relativePath));
  }

  private void walk(Path root, List<SourceFile> found, List<LoadProblem> problems) {
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String source = relative(root, file);
              if (hidden(file) || !accepts(source)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile()) {
                found.add(new SourceFile(file, source));
              } else if (attrs.isSymbolicLink()) {
                // Only a link whose target is missing reaches here with the link's own attributes.
                problems.add(new LoadProblem(source, LoadProblem.Kind.UNREADABLE, "broken symbolic link"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!(e instanceof FileSystemLoopException) && !hidden(file)) {
                String reason = "cannot read: " + e.getClass().getSimpleName();
                problems.add(new LoadProblem(relative(root, file), LoadProblem.Kind.UNREADABLE, reason));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      String reason = "cannot read folder: " + e.getClass().getSimpleName();
      problems.add(new LoadProblem(root.toString(), LoadProblem.Kind.UNREADABLE, reason));
    }
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }
}
