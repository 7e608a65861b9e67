package org.controlroom.lesson.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.controlroom.lesson.pack.PackFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing packs: a good one lands whole under packs/NAME with its lessons in the catalogue; every hostile
 * or broken one is refused with a message naming the entry, and leaves nothing behind (no pack, no
 * temporary folder, nothing outside).
 */
class PackImportTest {

    @TempDir
    Path dir;

    private Path source() throws Exception {
        return tutorData(dir.resolve("tutor-machine"), "pack-tone-a", "pack-tone-b");
    }

    private Path fresh() throws Exception {
        Path data = dir.resolve("class-machine");
        Files.createDirectories(data);
        return data;
    }

    private Path goodPack() throws Exception {
        return export(source(), "week-one", dir.resolve("week-one.zip"), "pack-tone-a", "pack-tone-b").zip();
    }

    /** Nothing of the import is left: packs/ holds no pack and no temporary folder. */
    private static void assertNothingImported(Path data) throws Exception {
        Path packs = data.resolve("packs");
        if (Files.exists(packs)) {
            try (Stream<Path> s = Files.list(packs)) {
                assertThat(s.toList()).as("left in packs/").isEmpty();
            }
        }
        assertThat(library(data).catalog().lesson("pack-tone-a")).isEmpty();
    }

    private void refused(Path zip, String... expected) throws Exception {
        Path data = fresh();
        assertThatThrownBy(() -> importer(data).importPack(zip, Optional.of(PackImport.OnClash.RENAME)))
                .isInstanceOf(PackException.class)
                .satisfies(e -> {
                    for (String x : expected) {
                        assertThat(((PackException) e).problems()).anySatisfy(p -> assertThat(p).contains(x));
                    }
                });
        assertNothingImported(data);
    }

    @Test
    void aGoodPackLandsWholeAndItsLessonsJoinTheCatalogueMarkedWithThePack() throws Exception {
        Path zip = goodPack();
        Path data = fresh();
        PackImport.Result r = importer(data).importPack(zip, Optional.empty());
        assertThat(r.pack()).isEqualTo("week-one");
        assertThat(r.imported()).containsExactly("pack-tone-a", "pack-tone-b");
        assertThat(data.resolve("packs/week-one/lessons/tutor/pack-tone-a.yaml")).exists();
        assertThat(data.resolve("packs/week-one/lessons/tutor/sounds/tone.wav")).exists();
        assertThat(data.resolve("packs/week-one/manifest.json")).exists();
        LessonLibrary lib = library(data);
        Lesson a = lib.catalog().lesson("pack-tone-a").orElseThrow();
        assertThat(lib.pack(a)).contains("week-one");
        assertThat(lib.source(a).countsForXp()).isTrue();
        assertThat(lib.catalog().lessons()).as("the shipped lessons are still there")
                .anySatisfy(l -> assertThat(l.id()).isEqualTo("eq-octave-boosts"));
        assertThat(lib.catalog().problems()).isEmpty();
        // the lesson plays from its pack's own copy of the tone
        assertThat(LessonAssets.of(a)).singleElement().satisfies(p ->
                assertThat(p.startsWith(data.resolve("packs/week-one").toRealPath())).isTrue());
        PackManifest m = PackManifest.parse(Files.readAllBytes(data.resolve("packs/week-one/manifest.json")), "m");
        assertThat(m.importedAt()).isPresent();
        assertThat(m.lessons()).extracting(PackManifest.LessonEntry::id).containsExactly("pack-tone-a", "pack-tone-b");
    }

    @Test
    void theExportedManifestListsIdsTitlesAndTheSha256OfEveryFile() throws Exception {
        Path zip = goodPack();
        Map<String, byte[]> entries = entries(zip);
        PackManifest m = PackManifest.parse(entries.get("manifest.json"), "m");
        assertThat(m.name()).isEqualTo("week-one");
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.lessons()).extracting(PackManifest.LessonEntry::title)
                .containsExactly("Level steps on a tone (pack-tone-a)", "Level steps on a tone (pack-tone-b)");
        assertThat(m.files()).extracting(PackManifest.FileEntry::path).containsExactlyInAnyOrder(
                "lessons/tutor/pack-tone-a.yaml", "lessons/tutor/pack-tone-b.yaml", "lessons/tutor/sounds/tone.wav");
        for (PackManifest.FileEntry f : m.files()) {
            byte[] bytes = entries.get(f.path());
            assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(f.bytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void aSongLessonTakesItsWholeSongAlong() throws Exception {
        Path data = fresh();
        Path zip = dir.resolve("bus.zip");
        PackExport.Result r = new PackExport(library(data), CLOCK).export(List.of("level-steps"), "bus", zip);
        assertThat(r.manifest().files()).extracting(PackManifest.FileEntry::path)
                .contains("lessons/ear-training/level-steps.yaml", "audio-assets/songs/night-bus/mix.ogg",
                        "audio-assets/songs/night-bus/song.yaml", "audio-assets/songs/night-bus/kick.ogg");
    }

    @Test
    void zipSlipIsRefused() throws Exception {
        Path zip = zip(dir.resolve("slip.zip"), Map.of("../../evil.yaml", text("id: evil")));
        refused(zip, "slip.zip!../../evil.yaml", "'..'");
        assertThat(dir.resolve("evil.yaml")).doesNotExist();
    }

    @Test
    void anAbsolutePathIsRefused() throws Exception {
        refused(zip(dir.resolve("abs.zip"), Map.of("/tmp/evil.yaml", text("id: evil"))), "abs.zip!/tmp/evil.yaml",
                "absolute path");
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws Exception {
        Path zip = zip(dir.resolve("link.zip"), Map.of("lessons/passwd.yaml", text("/etc/passwd")));
        patchCentral(zip, "lessons/passwd.yaml", b -> {
            b.putShort(4, (short) (3 << 8 | 20));          // made on Unix
            b.putInt(38, (0120777) << 16);                 // S_IFLNK | 0777
        });
        refused(zip, "link.zip!lessons/passwd.yaml", "symbolic link");
    }

    @Test
    void moreThan2000FilesAreRefused() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 2001; i++) {
            many.put("lessons/l" + i + ".yaml", text("id: l" + i));
        }
        refused(zip(dir.resolve("many.zip"), many), "more than 2000 files");
    }

    @Test
    void aZipBombOverTheRatioIsRefused() throws Exception {
        // 20 MB of zeros deflate to about 20 KB: 1000:1
        refused(zip(dir.resolve("bomb.zip"), Map.of("audio-assets/zeros.wav", zeros(20 << 20))), "bomb.zip!audio-assets/zeros.wav",
                "over 100:1", "zip bomb");
    }

    @Test
    void aBombWhoseHeaderLiesAboutItsSizeIsCaughtWhileInflating() throws Exception {
        Path zip = zip(dir.resolve("liar.zip"), Map.of("audio-assets/zeros.wav", zeros(20 << 20)));
        patchCentral(zip, "audio-assets/zeros.wav", b -> b.putInt(24, 1000));   // claims 1000 bytes unpacked
        refused(zip, "liar.zip!audio-assets/zeros.wav: inflates past 100 times");
    }

    @Test
    void aClaimOfMoreThan500MbIsRefused() throws Exception {
        Path zip = zip(dir.resolve("huge.zip"), Map.of("audio-assets/a.wav", noise(1000), "audio-assets/b.wav", noise(1000)));
        patchCentral(zip, "audio-assets/a.wav", b -> b.putInt(24, 300_000_000));
        patchCentral(zip, "audio-assets/b.wav", b -> b.putInt(24, 300_000_000));
        refused(zip, "claims 600000000 bytes unpacked; a pack may unpack to at most 500000000 bytes");
    }

    @Test
    void theRealInflatedBytesAreCountedAgainstTheSizeLimitWhateverTheHeaderSays() throws Exception {
        Path zip = zip(dir.resolve("under.zip"), Map.of("audio-assets/n.wav", noise(3 << 20)));
        patchCentral(zip, "audio-assets/n.wav", b -> b.putInt(24, 1000));
        Path data = fresh();
        PackImport small = new PackImport(new LessonLoader(), library(data), data, new PackLimits(2000, 2 << 20, 100, 1 << 20), CLOCK);
        assertThatThrownBy(() -> small.importPack(zip, Optional.empty())).isInstanceOf(PackException.class)
                .hasMessageContaining("unpacks to more than 2097152 bytes (counted while inflating audio-assets/n.wav)");
        assertNothingImported(data);
    }

    @Test
    void aChangedFileFailsItsChecksum() throws Exception {
        Map<String, byte[]> e = entries(goodPack());
        e.put("lessons/tutor/pack-tone-a.yaml", text(new String(e.get("lessons/tutor/pack-tone-a.yaml"),
                java.nio.charset.StandardCharsets.UTF_8).replace("pass_mark: 70", "pass_mark: 0")));
        refused(zip(dir.resolve("tampered.zip"), e), "tampered.zip!lessons/tutor/pack-tone-a.yaml: checksum mismatch");
    }

    @Test
    void aFileTheManifestDoesNotListIsRefused() throws Exception {
        Map<String, byte[]> e = entries(goodPack());
        e.put("lessons/tutor/extra.yaml", text(toneDrill("extra")));
        refused(zip(dir.resolve("extra.zip"), e), "extra.zip!lessons/tutor/extra.yaml: in the zip but not in the manifest");
    }

    @Test
    void aManifestOutsideItsSchemaIsRefusedNamingTheField() throws Exception {
        Map<String, byte[]> e = entries(goodPack());
        String m = new String(e.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
        e.put("manifest.json", text(m.replace("\"format_version\" : 1", "\"format_version\" : \"one\", \"owner\" : \"x\"")));
        refused(zip(dir.resolve("schema.zip"), e), "schema.zip!manifest.json: unknown field 'owner'",
                "'format_version' must be a whole number");
    }

    @Test
    void aBrokenLessonIsNamedByItsEntryLineAndColumn() throws Exception {
        Map<String, byte[]> e = entries(goodPack());
        String bad = toneDrill("pack-tone-a").replace("questions: 5", "questions: lots");
        e.put("lessons/tutor/pack-tone-a.yaml", text(bad));
        e.put("manifest.json", reSum(e.get("manifest.json"), "lessons/tutor/pack-tone-a.yaml", text(bad)));
        int line = (int) bad.lines().takeWhile(l -> !l.contains("questions")).count() + 1;
        refused(zip(dir.resolve("broken.zip"), e), "broken.zip!lessons/tutor/pack-tone-a.yaml:" + line + ":");
    }

    @Test
    void audioThatDoesNotDecodeIsRefused() throws Exception {
        Map<String, byte[]> e = entries(goodPack());
        byte[] junk = text("RIFF....WAVEnot really audio at all");
        e.put("lessons/tutor/sounds/tone.wav", junk);
        e.put("manifest.json", reSum(e.get("manifest.json"), "lessons/tutor/sounds/tone.wav", junk));
        refused(zip(dir.resolve("junk.zip"), e), "junk.zip!lessons/tutor/sounds/tone.wav");
    }

    @Test
    void aClashingIdIsNeverOverwrittenButRenamedOrSkippedAsAsked() throws Exception {
        Path zip = goodPack();
        Path data = fresh();
        importer(data).importPack(zip, Optional.empty());
        byte[] before = Files.readAllBytes(data.resolve("packs/week-one/lessons/tutor/pack-tone-a.yaml"));

        assertThatThrownBy(() -> importer(data).importPack(zip, Optional.empty()))
                .isInstanceOf(PackClashException.class)
                .satisfies(x -> assertThat(((PackClashException) x).ids()).containsExactly("pack-tone-a", "pack-tone-b"))
                .hasMessageContaining("lesson id 'pack-tone-a' is already in the catalogue")
                .hasMessageContaining("--on-clash rename|skip");
        try (Stream<Path> s = Files.list(data.resolve("packs"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("week-one");
        }

        PackImport.Result renamed = importer(data).importPack(zip, Optional.of(PackImport.OnClash.RENAME));
        assertThat(renamed.pack()).isEqualTo("week-one-2");
        assertThat(renamed.renamed()).containsEntry("pack-tone-a", "pack-tone-a-2").containsEntry("pack-tone-b", "pack-tone-b-2");
        assertThat(Files.readAllBytes(data.resolve("packs/week-one/lessons/tutor/pack-tone-a.yaml"))).isEqualTo(before);
        LessonLibrary lib = library(data);
        assertThat(lib.catalog().problems()).isEmpty();
        assertThat(lib.pack(lib.catalog().lesson("pack-tone-a-2").orElseThrow())).contains("week-one-2");
        assertThat(lib.pack(lib.catalog().lesson("pack-tone-a").orElseThrow())).contains("week-one");
    }

    @Test
    void skipImportsOnlyTheLessonsThatAreNew() throws Exception {
        Path data = fresh();
        importer(data).importPack(goodPack(), Optional.empty());
        Path other = tutorData(dir.resolve("other-tutor"), "pack-tone-a", "pack-tone-c");
        Path zip = export(other, "week-two", dir.resolve("week-two.zip"), "pack-tone-a", "pack-tone-c").zip();
        PackImport.Result r = importer(data).importPack(zip, Optional.of(PackImport.OnClash.SKIP));
        assertThat(r.imported()).containsExactly("pack-tone-c");
        assertThat(r.skipped()).containsExactly("pack-tone-a");
        assertThat(data.resolve("packs/week-two/lessons/tutor/pack-tone-a.yaml")).doesNotExist();
        LessonLibrary lib = library(data);
        assertThat(lib.catalog().problems()).isEmpty();
        assertThat(lib.pack(lib.catalog().lesson("pack-tone-a").orElseThrow())).contains("week-one");
        assertThat(lib.pack(lib.catalog().lesson("pack-tone-c").orElseThrow())).contains("week-two");
    }

    @Test
    void aPackWhoseLessonsAllClashWithShippedOnesIsSkippedWhole() throws Exception {
        Path data = fresh();
        Path zip = new PackExport(library(data), CLOCK).export(List.of("eq-octave-boosts"), "again", dir.resolve("again.zip")).zip();
        assertThatThrownBy(() -> importer(data).importPack(zip, Optional.of(PackImport.OnClash.SKIP)))
                .hasMessageContaining("every lesson in it is already in the catalogue (eq-octave-boosts)");
        assertNothingImported(data);
    }

    @Test
    void exportNeverWritesOverAFileAndNamesUnknownIds() throws Exception {
        Path data = source();
        Path existing = Files.writeString(dir.resolve("taken.zip"), "mine");
        assertThatThrownBy(() -> export(data, "x", existing, "pack-tone-a", "no-such-lesson"))
                .isInstanceOf(PackException.class)
                .hasMessageContaining("taken.zip already exists")
                .hasMessageContaining("no lesson 'no-such-lesson'");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    /** The manifest with {@code path}'s checksum and size set to those of {@code bytes}. */
    private static byte[] reSum(byte[] manifest, String path, byte[] bytes) throws Exception {
        PackManifest m = PackManifest.parse(manifest, "m");
        String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        List<PackManifest.FileEntry> files = m.files().stream().map(f -> f.path().equals(path)
                ? new PackManifest.FileEntry(path, sum, bytes.length) : f).toList();
        return new PackManifest(m.formatVersion(), m.name(), m.created(), m.lessons(), files, m.importedAt(), m.renamed()).toJson();
    }
}
