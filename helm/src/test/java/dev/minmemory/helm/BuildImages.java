package dev.minmemory.helm;

/** The image names of this build, from the parent pom's properties (passed by surefire, see helm/pom.xml). */
final class BuildImages {

    static final String REGISTRY = System.getProperty("image.registry");
    static final String TAG = System.getProperty("image.tag");
    static final String OPERATOR_REPOSITORY = REGISTRY + "/min-memory-operator";
    static final String SERVER_REPOSITORY = REGISTRY + "/memory-server";
    static final String OPERATOR = OPERATOR_REPOSITORY + ":" + TAG;
    static final String SERVER = SERVER_REPOSITORY + ":" + TAG;
    static final String QDRANT = System.getProperty("qdrant.image");

    private BuildImages() {
    }
}
