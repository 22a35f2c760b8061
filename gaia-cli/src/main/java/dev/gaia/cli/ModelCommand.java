package dev.gaia.cli;

import dev.gaia.inference.model.CachedModel;
import dev.gaia.inference.model.ModelCache;
import dev.gaia.inference.model.ModelSource;
import dev.gaia.inference.model.Sha256;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gaia model pull|list}. */
@Command(name = "model", description = "Manage the model cache of a node home.", mixinStandardHelpOptions = true,
    subcommands = {ModelCommand.Pull.class, ModelCommand.ListModels.class})
final class ModelCommand {
  @ParentCommand GaiaCommand root;

  @Command(name = "pull", description = "Download (resumable, verified) or register a GGUF model in the cache.")
  static final class Pull implements java.util.concurrent.Callable<Integer> {
    @ParentCommand ModelCommand parent;
    @Mixin HomeOptions home;

    @Parameters(paramLabel = "URL|PATH", description = "An http(s) URL or a local GGUF file.")
    String source;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the file.")
    String sha256;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      var nodeHome = home.resolve(env);
      CachedModel model = new ModelFetcher(nodeHome.modelsDir(), env.err())
          .pull(ModelSource.parse(source), Optional.ofNullable(sha256).map(Sha256::parse), System.console() != null);
      env.out().println(model.path());
      env.out().println("sha256 " + model.sha256().hex() + "  " + model.size() + " bytes");
      return 0;
    }
  }

  @Command(name = "list", description = "List cached models.")
  static final class ListModels implements java.util.concurrent.Callable<Integer> {
    @ParentCommand ModelCommand parent;
    @Mixin HomeOptions home;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      for (CachedModel m : new ModelCache(home.resolve(env).modelsDir()).list()) {
        env.out().printf("%s  %10d  %s  %s%n", m.sha256().hex().substring(0, 12), m.size(), m.fileName(), m.source());
      }
      return 0;
    }
  }
}
