using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// AEAD_AES_256_GCM of callback resources and certificates: 12-byte nonce, 16-byte tag after the ciphertext.
internal static class WeChatPayAead
{
    private const int TagSize = 16;

    /// <exception cref="CryptographicException">The key is not 32 bytes, the text is malformed or the tag does not verify.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, string nonce, string associatedData, string ciphertextBase64)
    {
        if (key.Length != 32)
        {
            throw new CryptographicException("The APIv3 key must be 32 bytes (AES-256-GCM).");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The ciphertext is not base64.", ex);
        }

        if (sealedBytes.Length < TagSize)
        {
            throw new CryptographicException("The ciphertext is shorter than the GCM tag.");
        }

        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var plaintext = new byte[sealedBytes.Length - TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(nonceBytes, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), plaintext, Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }
}
