package org.hearth.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default keyring: one JSON file per organization under {@code $HEARTH_DATA_DIR/keyring},
 * readable by the server's user only (directory 700, files 600, set explicitly). A file is replaced
 * atomically on rotation, so a crash leaves either the old or the new key set, never half of one.
 * Meant for one server; a cluster uses a KMS (ADR 0001).
 */
class FileKeyring implements Keyring {

    private static final Logger log = LoggerFactory.getLogger(FileKeyring.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    record StoredKey(int version, String createdAt, String material) {}

    record KeySet(int format, UUID organizationId, int primaryVersion, List<StoredKey> keys) {}

    private final Path directory;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, KeySet> loaded = new HashMap<>();

    FileKeyring(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.clock = clock;
        try {
            if (!Files.isDirectory(this.directory)) {
                Files.createDirectories(this.directory);
                log.info("Created the keyring in {}", this.directory);
            }
            restrict(this.directory, OWNER_ONLY_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the keyring directory " + this.directory, e);
        }
    }

    @Override
    public synchronized Kek primary(UUID organizationId) {
        KeySet keys = load(organizationId);
        if (keys == null) {
            keys = new KeySet(1, organizationId, 0, List.of());
            keys = addVersion(keys);
        }
        return kek(keys, keys.primaryVersion());
    }

    @Override
    public synchronized Optional<SecretKey> version(UUID organizationId, int version) {
        KeySet keys = load(organizationId);
        if (keys == null) {
            return Optional.empty();
        }
        return keys.keys().stream()
                .filter(key -> key.version() == version)
                .findFirst()
                .map(key -> Aead.key(Base64.getDecoder().decode(key.material())));
    }

    @Override
    public synchronized Kek rotate(UUID organizationId) {
        KeySet keys = load(organizationId);
        keys = addVersion(keys == null ? new KeySet(1, organizationId, 0, List.of()) : keys);
        log.info(
                "Rotated the key-encryption key of organization {} to version {}",
                organizationId,
                keys.primaryVersion());
        return kek(keys, keys.primaryVersion());
    }

    Path fileOf(UUID organizationId) {
        return directory.resolve("kek-" + organizationId + ".json");
    }

    private Kek kek(KeySet keys, int version) {
        return new Kek(version, version(keys, version));
    }

    private static SecretKey version(KeySet keys, int version) {
        return keys.keys().stream()
                .filter(key -> key.version() == version)
                .findFirst()
                .map(key -> Aead.key(Base64.getDecoder().decode(key.material())))
                .orElseThrow(() -> new IllegalStateException("The keyring lost its primary version " + version));
    }

    private KeySet addVersion(KeySet keys) {
        int next = keys.keys().stream().mapToInt(StoredKey::version).max().orElse(0) + 1;
        List<StoredKey> all = new ArrayList<>(keys.keys());
        all.add(new StoredKey(
                next,
                clock.instant().toString(),
                Base64.getEncoder().encodeToString(Aead.newKey().getEncoded())));
        KeySet updated = new KeySet(1, keys.organizationId(), next, List.copyOf(all));
        write(updated);
        loaded.put(updated.organizationId(), updated);
        return updated;
    }

    private @Nullable KeySet load(UUID organizationId) {
        KeySet cached = loaded.get(organizationId);
        if (cached != null) {
            return cached;
        }
        Path file = fileOf(organizationId);
        if (!Files.exists(file)) {
            return null;
        }
        KeySet keys = json.readValue(file.toFile(), KeySet.class);
        loaded.put(organizationId, keys);
        return keys;
    }

    private void write(KeySet keys) {
        Path target = fileOf(keys.organizationId());
        try {
            Path temporary = createOwnerOnlyTempFile();
            try {
                Files.write(temporary, json.writeValueAsBytes(keys));
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            restrict(target, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keyring file " + target, e);
        }
    }

    private Path createOwnerOnlyTempFile() throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
            return Files.createTempFile(directory, ".kek-", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            return Files.createTempFile(directory, ".kek-", ".tmp");
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACLs are the operator's to set.
            log.warn("Cannot restrict permissions of {} on this file system", path);
        }
    }
}
