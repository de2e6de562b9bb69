using System.Security.Cryptography;

namespace Ordering.Sdk.Testing;

// One platform certificate of the sandbox; the newest signs, older ones stay listed during the overlap.
internal sealed record WeChatPaySandboxPlatformCertificate(string Serial, RSA Key, string Pem, DateTimeOffset EffectiveTime, DateTimeOffset ExpireTime, bool Owned);
