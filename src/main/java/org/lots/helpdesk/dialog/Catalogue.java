package org.lots.helpdesk.dialog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The translations: per language, per key, a text with its review status.
 * Lookups fall back to the fallback language (the source language editors write first).
 */
public record Catalogue(String fallback, Map<String, LanguageTexts> languages_) {

    public enum Status { SOURCE, MACHINE, REVIEWED }

    /** One text. {@code sourceHash} is the hash of the fallback-language text it was translated from. */
    public record Entry(String text, Status status, String sourceHash, int line) {}

    public record LanguageTexts(String code, String name, String direction, Map<String, Entry> texts, String path) {}

    public Set<String> languages() {
        return languages_.keySet();
    }

    public Optional<LanguageTexts> language(String code) {
        return Optional.ofNullable(code == null ? null : languages_.get(code));
    }

    /** The entry for {@code key} in {@code language}, or in the fallback language. */
    public Optional<Entry> entry(String language, String key) {
        Entry e = language(language).map(l -> l.texts().get(key)).orElse(null);
        if (e == null) e = language(fallback).map(l -> l.texts().get(key)).orElse(null);
        return Optional.ofNullable(e);
    }

    /** The language names in themselves, in catalogue order: for the language menu. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        languages_.forEach((code, l) -> names.put(code, l.name()));
        return names;
    }

    public boolean isRightToLeft(String language) {
        return language(language).map(l -> "rtl".equalsIgnoreCase(l.direction())).orElse(false);
    }

    public static String hash(String sourceText) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sourceText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
