package dev.headroom.cli;

import dev.headroom.ingest.system.SystemFileTemplate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom init}: prints a commented starter system file. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Print a commented starter system file: headroom init > system.yaml")
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(SystemFileTemplate.text());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
