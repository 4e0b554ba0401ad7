package com.authlete.toolkit.cli;

import java.util.List;

/**
 * One command of the CLI as help, routing and completion see it.
 *
 * @param words       the command words, such as {@code client management refresh-secret}
 * @param summary     its one-line summary
 * @param destructive whether it deletes or revokes (and asks first)
 */
public record CommandEntry(String words, String summary, boolean destructive) {

    public List<String> wordList() {
        return List.of(words.split(" "));
    }
}
