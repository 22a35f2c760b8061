package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {
  @TempDir Path tmp;

  @Test
  void creates_an_encrypted_key_shows_it_and_checks_the_passphrase() throws Exception {
    Path home = tmp.resolve("node");
    Path pass = Files.writeString(tmp.resolve("pass"), "correct horse battery\n");
    Cli.Result created = Cli.run("identity", "new", "--home", home.toString(), "--passphrase-file", pass.toString());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out()).containsPattern("address  0x[0-9a-fA-F]{40}");
    Path keystore = home.resolve("keystore.json");
    assertThat(Files.readString(keystore)).containsPattern("\"version\" ?: ?3").doesNotContain("correct horse");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
    String address = created.out().lines().filter(l -> l.startsWith("address")).findFirst().orElseThrow().substring(9).strip();

    Cli.Result shown = Cli.run("identity", "show", "--home", home.toString(), "--passphrase-file", pass.toString());
    assertThat(shown.out()).contains(address).contains("unlocks  yes");

    Path wrong = Files.writeString(tmp.resolve("wrong"), "not the passphrase");
    Cli.Result denied = Cli.run("identity", "show", "--home", home.toString(), "--passphrase-file", wrong.toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.err()).contains("wrong passphrase");

    Cli.Result again = Cli.run("identity", "new", "--home", home.toString(), "--passphrase-file", pass.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains(address);
  }

  @Test
  void short_passphrases_and_missing_keystores_are_clear_errors() throws Exception {
    Path home = tmp.resolve("node");
    Path shortPass = Files.writeString(tmp.resolve("short"), "abc");
    Cli.Result tooShort = Cli.run("identity", "new", "--home", home.toString(), "--passphrase-file", shortPass.toString());
    assertThat(tooShort.exitCode()).isEqualTo(1);
    assertThat(tooShort.err()).contains("at least 8 characters");
    assertThat(home.resolve("keystore.json")).doesNotExist();
    Cli.Result none = Cli.run("identity", "show", "--home", home.toString());
    assertThat(none.err()).contains("gaia identity new");
  }
}
