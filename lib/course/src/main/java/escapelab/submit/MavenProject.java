package escapelab.submit;

import escapelab.cell.BenchClass;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The export as a Maven project in the layout of JMH's archetype: a {@code pom.xml} beside the
 * benchmark cells' sources under {@code src/main/java}, so that anyone reproduces the numbers
 * outside the notebook ({@code mvn -q package && java -jar target/benchmarks.jar -prof gc}) and
 * opens the code in an IDE.
 */
final class MavenProject {

    /** What the README says to run, in the submission's folder. */
    static final String COMMAND = "mvn -q package && java -jar target/benchmarks.jar -prof gc";

    private MavenProject() {
    }

    /**
     * The pom: JMH's core and annotation processor at the version the course ran, compiled for
     * the Java release the notebook ran on, shaded into {@code target/benchmarks.jar}.
     */
    static String pom(String artifactId, String jmhVersion, int javaRelease) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- The benchmarks of this submission, as JMH's archetype lays them out. Run them with
                     mvn -q package && java -jar target/benchmarks.jar -prof gc -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>escapelab.submissions</groupId>
                  <artifactId>%1$s</artifactId>
                  <version>1.0</version>
                  <packaging>jar</packaging>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <jmh.version>%2$s</jmh.version>
                    <maven.compiler.release>%3$d</maven.compiler.release>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>org.openjdk.jmh</groupId>
                      <artifactId>jmh-core</artifactId>
                      <version>${jmh.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.openjdk.jmh</groupId>
                      <artifactId>jmh-generator-annprocess</artifactId>
                      <version>${jmh.version}</version>
                      <scope>provided</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>org.openjdk.jmh</groupId>
                              <artifactId>jmh-generator-annprocess</artifactId>
                              <version>${jmh.version}</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-shade-plugin</artifactId>
                        <version>3.6.0</version>
                        <executions>
                          <execution>
                            <phase>package</phase>
                            <goals><goal>shade</goal></goals>
                            <configuration>
                              <finalName>benchmarks</finalName>
                              <transformers>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                                  <mainClass>org.openjdk.jmh.Main</mainClass>
                                </transformer>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                              </transformers>
                              <filters>
                                <filter>
                                  <artifact>*:*</artifact>
                                  <excludes>
                                    <exclude>META-INF/*.SF</exclude>
                                    <exclude>META-INF/*.DSA</exclude>
                                    <exclude>META-INF/*.RSA</exclude>
                                  </excludes>
                                </filter>
                              </filters>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, jmhVersion, javaRelease);
    }

    /** The README's section on reproducing the numbers with Maven. */
    static String readme(List<BenchClass> classes) {
        String benchmarks = classes.stream().map(BenchClass::simpleName).distinct()
                .collect(Collectors.joining(", "));
        return "This folder is also a Maven project (JMH's archetype layout: `pom.xml`, sources under "
                + "`src/main/java`). To reproduce the numbers of " + benchmarks + " outside the notebook, "
                + "or to open the code in an IDE, run here:\n\n```\n" + COMMAND + "\n```\n\n"
                + "Compare the `gc.alloc.rate.norm` lines (B/op) with the benchmark output above. A run the "
                + "notebook made with JVM flags (a variant such as `-XX:-DoEscapeAnalysis`) lists them as "
                + "`# VM options` in `jmh/*.log`: pass them with `-jvmArgsAppend \"...\"`.\n";
    }
}
