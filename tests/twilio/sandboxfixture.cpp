#include "sandboxfixture.h"

SandboxFixture::SandboxFixture(const SandboxOptions &options)
    : m_server(std::make_unique<SandboxServer>(options))
    , m_client(std::make_unique<TwilioClient>())
{}

QString SandboxFixture::start()
{
    QString error;
    if (!m_server->start(&error))
        return error;
    return m_client->configure(credentials(), endpoint());
}

TwilioCredentials SandboxFixture::credentials() const
{
    return TwilioCredentials{m_server->accountSid(), {}, m_server->authToken()};
}

TwilioEndpoint SandboxFixture::endpoint() const
{
    return TwilioEndpoint{{}, {}, m_server->baseUrl()};
}

QString SandboxFixture::unknownSid(const char prefix[3])
{
    return QLatin1String(prefix, 2) + QStringLiteral("0123456789abcdef0123456789abcdef");
}
