package org.lots.helpdesk.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lots.helpdesk.content.ContentFiles;
import org.lots.helpdesk.dialog.script.ContentLoader;
import org.lots.helpdesk.dialog.script.Problem;

/**
 * Commands for editors and operators that run without starting the server:
 * {@code lint DIALOGS TRANSLATIONS}, {@code report translations}, {@code evaluate FILE.tsv}, {@code unlock USERNAME}.
 */
public final class Cli {

    public static final List<String> COMMANDS = List.of("lint", "evaluate", "report", "unlock");

    private Cli() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** @return the process exit code */
    public static int run(String[] args, PrintStream out) {
        return switch (args[0]) {
            case "lint" -> lint(args, out);
            case "evaluate" -> evaluate(args, out);
            case "report" -> report(args, out);
            case "unlock" -> Unlock.run(args, out);
            default -> 2;
        };
    }

    static int lint(String[] args, PrintStream out) {
        String dialogs = args.length > 1 ? args[1] : "dialogs";
        String translations = args.length > 2 ? args[2] : "translations";
        for (String folder : List.of(dialogs, translations)) {
            if (!Files.isDirectory(Path.of(folder))) {
                out.println(folder + ":0: no such folder");
                return 1;
            }
        }
        return lint(Path.of(dialogs), strip(dialogs), Path.of(translations), strip(translations), out);
    }

    /** Lints two folders, naming files as {@code shown/name.yaml}; prints one line per problem. */
    public static int lint(Path dialogs, String dialogsShown, Path translations, String translationsShown, PrintStream out) {
        ContentLoader.Result result = new ContentLoader(fallback()).load(
                ContentFiles.read(dialogs, dialogsShown), ContentFiles.read(translations, translationsShown));
        result.problems().forEach(p -> out.println(p));
        long errors = result.problems().stream().filter(Problem::isError).count();
        long warnings = result.problems().size() - errors;
        System.err.println(errors + " error(s), " + warnings + " warning(s)");
        return errors > 0 ? 1 : 0;
    }

    /**
     * {@code evaluate [--summary] FILE.tsv [CONTENT_DIR]}: understanding measured on held-out questions.
     * {@code --summary} prints the figures and confusion counts but no line of the set, so a held-out set can be
     * measured without anyone reading (and tuning on) its questions.
     */
    static int evaluate(String[] given, PrintStream out) {
        boolean summary = given.length > 1 && given[1].equals("--summary");
        String[] args = summary ? dropSecond(given) : given;
        if (args.length < 2) {
            out.println("usage: evaluate [--summary] FILE.tsv [CONTENT_DIR]   (columns: language, expected dialog or OOS, text)");
            return 2;
        }
        ContentLoader.Result result = ContentFiles.load(Path.of(args.length > 2 ? args[2] : "."), fallback());
        if (!result.ok()) {
            result.errors().forEach(out::println);
            return 1;
        }
        try {
            var knowledge = new org.lots.helpdesk.engine.Knowledge(result.content(), new org.lots.helpdesk.language.NgramRouter(result.content()));
            var engine = new org.lots.helpdesk.engine.Engine(new org.lots.helpdesk.language.LinguaLanguageIdentifier(), fallback());
            var cases = Evaluation.read(Path.of(args[1]));
            if (SafetyEvaluation.applies(cases)) SafetyEvaluation.print(SafetyEvaluation.run(engine, knowledge, cases), out);
            else Evaluation.print(Evaluation.run(engine, knowledge, cases), out, !summary);
            return 0;
        } catch (java.io.IOException e) {
            out.println(args[1] + ":0: cannot read: " + e.getMessage());
            return 1;
        }
    }

    private static String[] dropSecond(String[] args) {
        String[] rest = new String[args.length - 1];
        rest[0] = args[0];
        System.arraycopy(args, 2, rest, 1, args.length - 2);
        return rest;
    }

    /** {@code report translations [CONTENT_DIR]}: per language and dialog, missing, machine, reviewed, outdated. */
    static int report(String[] args, PrintStream out) {
        if (args.length < 2 || !args[1].equals("translations")) {
            out.println("usage: report translations [CONTENT_DIR]");
            return 2;
        }
        ContentLoader.Result result = ContentFiles.load(Path.of(args.length > 2 ? args[2] : "."), fallback());
        if (!result.ok()) {
            result.errors().forEach(out::println);
            return 1;
        }
        org.lots.helpdesk.i18n.TranslationReport.print(org.lots.helpdesk.i18n.TranslationReport.of(result.content()), out);
        return 0;
    }

    static String fallback() {
        String p = System.getProperty("helpdesk.fallback-language", System.getenv("HELPDESK_FALLBACK_LANGUAGE"));
        return p == null || p.isBlank() ? "en" : p;
    }

    private static String strip(String folder) {
        return folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }
}
