package io.vjvector.itests;

import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the real VJVector assembly (the tar.gz the build just made) for in-container tests, on
 * ports that never clash with a node a developer is running.
 */
public abstract class VjvExamSupport {
  /** The HTTP port of the container under test. */
  protected static final int HTTP_PORT = 18181;

  @Inject protected BundleContext context;

  @Inject protected FeaturesService features;

  @Inject protected SessionFactory sessions;

  protected final Http http = new Http(HTTP_PORT);

  @Configuration
  public Option[] config() {
    String archive = System.getProperty("vjvector.assembly");
    File runs = new File(System.getProperty("vjvector.itest.dir", "target/itest-runs"));
    return new Option[] {
      karafDistributionConfiguration()
          .frameworkUrl(new File(archive).toURI().toString())
          .name("VJVector")
          .unpackDirectory(new File(runs, "exam"))
          .useDeployFolder(false),
      configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
      keepRuntimeFolder(),
      logLevel(LogLevel.WARN),
      editConfigurationFilePut(
          "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
      editConfigurationFilePut(
          "etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
      editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
      // Pax Exam provisions its own bundles (not part of the offline assembly) from the local
      // repository.
      editConfigurationFilePut(
          "etc/org.ops4j.pax.url.mvn.cfg",
          "org.ops4j.pax.url.mvn.localRepository",
          System.getProperty(
              "vjvector.maven.repo", System.getProperty("user.home") + "/.m2/repository")),
      editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
      editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
      // Pax Exam starts the JVM itself and does not read bin/karaf: pass its Java 9+ flags here.
      vmOptions(
          "--add-reads=java.xml=java.logging",
          "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
          "--patch-module",
          "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
          "--patch-module",
          "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
          "--add-opens",
          "java.base/java.security=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.net=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.util=ALL-UNNAMED",
          "--add-opens",
          "java.naming/javax.naming.spi=ALL-UNNAMED",
          "--add-opens",
          "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
          "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
          "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
          "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
          "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "-classpath",
          "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
          "-Xmx1g",
          // as bin/setenv: the engine's SIMD kernels
          "--add-modules",
          "jdk.incubator.vector",
          // JDK 17.0.15 rejects a ZIP64 field in a jar nested in the JAX-RS spec bundle; the jar is
          // fine.
          "-Djdk.util.zip.disableZip64ExtraFieldValidation=true")
    };
  }

  /**
   * A fresh directory for what a test's driver makes (keys, certificates) before the node boots.
   */
  protected static java.nio.file.Path driverDir(String prefix) {
    return java.nio.file.Path.of(System.getProperty("vjvector.itest.dir", "target/itest-runs"))
        .toAbsolutePath()
        .resolve(prefix + "-" + java.util.UUID.randomUUID());
  }

  /** The node's security state directory (inside the container). */
  protected static java.nio.file.Path securityDir() {
    return java.nio.file.Path.of(System.getProperty("karaf.data"), "vjvector-security");
  }

  /**
   * Waits for the node to serve requests: boot features may still be starting when a test begins.
   */
  protected void awaitReady() throws InterruptedException {
    http.awaitReady(Duration.ofSeconds(90));
  }

  /** The installed bundle with a symbolic name, or an assertion error. */
  protected Bundle bundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new AssertionError("bundle " + symbolicName + " is not installed");
  }

  /** Runs a console command as an administrator would, returning what it printed. */
  protected String console(String command) throws Exception {
    return consoleAs(List.of("admin", "manager", "viewer"), command);
  }

  /**
   * Runs a console command as a console user with these JAAS roles: the command ACLs in {@code
   * etc/org.apache.karaf.command.acl.vjv.cfg} decide what it may run.
   */
  protected String consoleAs(List<String> roles, String command) throws Exception {
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal("itest"));
    for (String role : roles) {
      subject.getPrincipals().add(new RolePrincipal(role));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try {
      Subject.doAs(
          subject,
          (PrivilegedExceptionAction<Void>)
              () -> {
                Session session = sessions.create(System.in, out, out);
                try {
                  Object result = session.execute(command);
                  if (result != null) {
                    out.println(result);
                  }
                } finally {
                  session.close();
                }
                return null;
              });
    } catch (PrivilegedActionException e) {
      throw e.getException();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
