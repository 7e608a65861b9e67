package org.controlroom.lesson.pack;

import java.util.List;

/**
 * A pack whose lesson ids (or whose name) are already in the catalogue, imported without saying what to
 * do: rename them or skip them. Nothing was written.
 */
public final class PackClashException extends PackException {
    private static final long serialVersionUID = 1L;
    private final List<String> ids;

    public PackClashException(List<String> problems, List<String> ids) {
        super(problems);
        this.ids = List.copyOf(ids);
    }

    /** The lesson ids already taken (empty when only the pack's name is). */
    public List<String> ids() {
        return ids;
    }
}
