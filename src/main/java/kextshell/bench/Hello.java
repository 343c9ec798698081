package kextshell.bench;

/** The floor for start-up: a Java hello world, run from the same jar. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
