package dev.vigil.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for bundle signing, in the PEM files OpenSSL also reads and writes.
 *
 * <p>A <b>public key file</b> holds one or more {@code -----BEGIN PUBLIC KEY-----} blocks (X.509
 * SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes); every key in it is trusted. A
 * <b>signing key file</b> holds a {@code -----BEGIN PRIVATE KEY-----} block (PKCS#8, as {@code
 * openssl genpkey -algorithm ed25519} writes) followed by the matching {@code PUBLIC KEY} block,
 * because the JDK cannot derive an Ed25519 public key from the private one and the public key names
 * the signer (its {@link #keyId key id}).
 */
public final class SigningKeys {
    /** The JDK algorithm name of both the key pairs and the signatures. */
    public static final String ALGORITHM = "Ed25519";
    /** File name {@link #writePair} gives the signing key. */
    public static final String PRIVATE_FILE = "vigil-signing.key";
    /** File name {@link #writePair} gives the public key. */
    public static final String PUBLIC_FILE = "vigil-signing.pub";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
    private static final int KEY_ID_BYTES = 8;

    private SigningKeys() {}

    /** A fresh Ed25519 key pair from the JDK's default secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no " + ALGORITHM, e);
        }
    }

    /** The key id: the first 8 bytes of the SHA-256 of the X.509 encoding, as 16 hex digits. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK offers no SHA-256", e);
        }
    }

    /**
     * Writes {@link #PRIVATE_FILE} (owner-only permissions where the file system has them) and
     * {@link #PUBLIC_FILE} into {@code dir}; refuses to overwrite an existing signing key.
     */
    public static void writePair(KeyPair pair, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(PRIVATE_FILE);
        if (Files.exists(privateFile)) {
            throw new IOException(privateFile + " exists; refusing to overwrite a signing key");
        }
        Files.writeString(privateFile, "");
        restrictToOwner(privateFile);
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate()) + pem("PUBLIC KEY", pair.getPublic()));
        Files.writeString(dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic()));
    }

    /** Reads a signing key file: its private key and the public key that follows it. */
    public static KeyPair readPair(Path file) throws IOException {
        List<byte[]> privates = blocks(file, "PRIVATE KEY");
        List<byte[]> publics = blocks(file, "PUBLIC KEY");
        if (privates.size() != 1) {
            throw new IOException(file + ": expected one PRIVATE KEY block, found " + privates.size());
        }
        if (publics.size() != 1) {
            throw new IOException(file + ": expected the matching PUBLIC KEY block after the private key"
                    + " (append the output of `openssl pkey -in KEY -pubout`), found " + publics.size());
        }
        KeyPair pair = new KeyPair(decodePublic(file, publics.get(0)), decodePrivate(file, privates.get(0)));
        if (!matches(pair)) {
            throw new IOException(file + ": the PUBLIC KEY block does not belong to the PRIVATE KEY block");
        }
        return pair;
    }

    private static boolean matches(KeyPair pair) throws IOException {
        byte[] probe = "vigil key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the key pair: " + e.getMessage(), e);
        }
    }

    /** Reads every public key of a public key file (at least one). */
    public static List<PublicKey> readPublicKeys(Path file) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        for (byte[] block : blocks(file, "PUBLIC KEY")) {
            keys.add(decodePublic(file, block));
        }
        if (keys.isEmpty()) {
            throw new IOException(file + ": no PUBLIC KEY block");
        }
        return keys;
    }

    private static String pem(String type, java.security.Key key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        Matcher matcher = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        List<byte[]> found = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                found.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return found;
    }

    private static PublicKey decodePublic(Path file, byte[] der) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey decodePrivate(Path file, byte[] der) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the file
        }
    }
}
