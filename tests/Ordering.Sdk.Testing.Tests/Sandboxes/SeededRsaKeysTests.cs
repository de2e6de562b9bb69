using System.Security.Cryptography;
using System.Text;
using Ordering.Sdk.Testing.Alipay;
using Xunit;

namespace Ordering.Sdk.Testing.Tests.Sandboxes;

// Sandbox RSA keys derive from a seed: the same seed gives the same keys in every run, different seeds differ.
public sealed class SeededRsaKeysTests
{
    [Fact]
    public void Parameters_SameSeedAndPurpose_AreTheSameKey()
    {
        var first = SeededRsaKeys.Parameters(7, "test-a");
        var regenerated = SeededRsaKeys.Generate(new Random(Mix(7, "test-a")));
        Assert.Equal(first.Modulus, regenerated.Modulus);
        Assert.Equal(first.D, regenerated.D);
    }

    [Fact]
    public void Parameters_DifferentSeedsOrPurposes_DifferAndAreValid2048BitKeys()
    {
        var a = SeededRsaKeys.Parameters(7, "test-a");
        var b = SeededRsaKeys.Parameters(8, "test-a");
        var c = SeededRsaKeys.Parameters(7, "test-b");
        Assert.NotEqual(a.Modulus, b.Modulus);
        Assert.NotEqual(a.Modulus, c.Modulus);
        foreach (var parameters in new[] { a, b, c })
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(parameters);
            Assert.Equal(2048, rsa.KeySize);
            var data = Encoding.UTF8.GetBytes("sign me");
            var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            Assert.True(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            var sealedBytes = rsa.Encrypt(data, RSAEncryptionPadding.OaepSHA256);
            Assert.Equal(data, rsa.Decrypt(sealedBytes, RSAEncryptionPadding.OaepSHA256));
        }
    }

    [Fact]
    public async Task WeChatPaySandbox_SameSeed_HasTheSameKeysAndDifferentSeedsDiffer()
    {
        await using var first = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { Seed = 11, IssuePlatformCertificate = false });
        await using var second = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { Seed = 11, IssuePlatformCertificate = false });
        await using var other = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { Seed = 12, IssuePlatformCertificate = false });
        Assert.Equal(first.MerchantPrivateKeyPem, second.MerchantPrivateKeyPem);
        Assert.Equal(first.PublicKeyPem, second.PublicKeyPem);
        Assert.Equal(first.MerchantCertificateSerial, second.MerchantCertificateSerial);
        Assert.NotEqual(first.MerchantPrivateKeyPem, other.MerchantPrivateKeyPem);
        Assert.NotEqual(first.PublicKeyPem, other.PublicKeyPem);
        Assert.NotEqual(first.PublicKeyPem, first.MerchantPrivateKeyPem);
    }

    [Fact]
    public async Task AlipaySandbox_SameKeySeed_HasTheSameKeyAndDifferentSeedsDiffer()
    {
        using var appKey = SeededRsaKeys.Create(3, "test-app");
        var app = appKey.ExportSubjectPublicKeyInfoPem();
        await using var first = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = app, KeySeed = 21 });
        await using var second = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = app, KeySeed = 21 });
        await using var other = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = app, KeySeed = 22 });
        Assert.Equal(first.AlipayPublicKeyPem, second.AlipayPublicKeyPem);
        Assert.NotEqual(first.AlipayPublicKeyPem, other.AlipayPublicKeyPem);
    }

    // The same derivation SeededRsaKeys uses, written out so a change to it fails here.
    private static int Mix(int seed, string purpose)
    {
        var hash = 2166136261u;
        foreach (var b in BitConverter.GetBytes(seed).Concat(Encoding.UTF8.GetBytes(purpose)))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
