package dev.gaia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gaia bench ...}: benchmarks that print ratios against a baseline measured in the same run. */
@Command(name = "bench", description = "Run benchmarks (results go to docs/benchmarks.md).", mixinStandardHelpOptions = true,
    subcommands = {BenchNodeCommand.class, BenchKbCommand.class, BenchDomainCommand.class})
final class BenchCommand {
  @ParentCommand GaiaCommand root;
}
