package escapelab.kernel.magic;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.model.interpolation.ModelInterpolator;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;

/**
 * Resolves {@code %maven} coordinates to jars with Maven Resolver, as Maven would: the artifact
 * and its runtime dependencies, from the local repository if they are there, else from Maven
 * Central or the mirror that {@code settings.xml} puts in its place.
 */
final class MavenResolver {

    /** group:artifact:version, optionally with extension (and classifier) before the version. */
    private static final Pattern COORDINATE = Pattern.compile("[^:\\s]+(:[^:\\s]+){2,4}");
    private static final String EXAMPLE = "e.g. %maven org.openjdk.jol:jol-core:0.17";

    private final MavenSettings settings;
    private RepositorySystem system;

    MavenResolver(MavenSettings settings) {
        this.settings = settings;
    }

    /** A resolver with the settings of the user running the kernel. */
    static MavenResolver forCurrentUser() throws CellFailure {
        try {
            return new MavenResolver(MavenSettings.forUser(Path.of(System.getProperty("user.home"))));
        } catch (IOException e) {
            throw usage("%maven: " + e.getMessage());
        }
    }

    /** Whether {@code text} has the shape of a coordinate. */
    static boolean isCoordinate(String text) {
        return COORDINATE.matcher(text).matches();
    }

    /**
     * The jars of the artifacts and their runtime dependencies, in class path order.
     *
     * @throws CellFailure for a malformed coordinate or an artifact that cannot be resolved
     */
    synchronized List<Path> resolve(List<String> coordinates) throws CellFailure {
        if (coordinates.isEmpty()) {
            throw usage("%maven needs at least one argument: group:artifact:version, " + EXAMPLE + ".");
        }
        for (String coordinate : coordinates) {
            if (!isCoordinate(coordinate)) {
                throw usage("%maven: " + coordinate + " is not a coordinate group:artifact:version, " + EXAMPLE + ".");
            }
        }
        RemoteRepository remote = central();
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(settings.offline())
                .setMirrorSelector(mirrors())
                .setSystemProperties(System.getProperties())
                .build()) {
            List<RemoteRepository> repositories = system.newResolutionRepositories(session, List.of(remote));
            List<Path> jars = new ArrayList<>();
            for (String coordinate : coordinates) {
                jars.addAll(resolve(session, coordinate, repositories));
            }
            return jars.stream().distinct().toList();
        }
    }

    private List<Path> resolve(RepositorySystemSession session, String coordinate,
                               List<RemoteRepository> repositories) throws CellFailure {
        CollectRequest collect = new CollectRequest(
                new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME), repositories);
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                Path file = result.getArtifact().getPath();
                if (file != null && file.getFileName().toString().endsWith(".jar")) {
                    jars.add(file);
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            List<String> details = new ArrayList<>();
            details.add("Looked in the local repository " + settings.localRepository()
                    + (settings.offline() ? " only (offline in settings.xml)" : " and in "
                    + String.join(", ", repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").toList())));
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                details.add("Caused by: " + cause.getMessage());
            }
            throw new CellFailure(CellErrors.magicUsage("%maven: cannot resolve " + coordinate + ".", details));
        }
    }

    private DefaultMirrorSelector mirrors() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror mirror : settings.mirrors()) {
            selector.add(mirror.id(), mirror.url(), "default", false, false, mirror.mirrorOf(), null);
        }
        return selector;
    }

    /**
     * Central as Maven's super POM declares it: its URL is {@code ${maven.repo.central}}, which
     * Maven's model interpolation fills from the system property of that name or its default.
     */
    static RemoteRepository central() {
        String url = System.getProperty(ModelInterpolator.MAVEN_REPO_CENTRAL_KEY,
                ModelInterpolator.DEFAULT_MAVEN_REPO_CENTRAL_URL);
        return new RemoteRepository.Builder("central", "default", url).build();
    }

    private static CellFailure usage(String message) {
        return new CellFailure(CellErrors.magicUsage(message, List.of()));
    }
}
