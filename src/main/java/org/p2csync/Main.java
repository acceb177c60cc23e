package org.p2csync;

public final class Main {
    public static void main(String[] args) {
        System.out.println("p2c-sync");
    }
}
