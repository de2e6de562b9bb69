using System.Security.Cryptography;

namespace Ordering.Sdk.Payments.Alipay;

// Alipay's console hands out keys as bare Base64 (no PEM armour) as often as PEM: accept both.
internal static class AlipayKeys
{
    public static void Import(RSA rsa, string keyText)
    {
        if (keyText.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            rsa.ImportFromPem(keyText);
            return;
        }

        var der = Convert.FromBase64String(keyText.Trim());
        try
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
            return;
        }
        catch (CryptographicException)
        {
            // Not PKCS#8: try the other encodings.
        }

        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return;
        }
        catch (CryptographicException)
        {
            // Not a public key either.
        }

        rsa.ImportRSAPrivateKey(der, out _);
    }

    public static RSA Load(string keyText)
    {
        var rsa = RSA.Create();
        try
        {
            Import(rsa, keyText);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
