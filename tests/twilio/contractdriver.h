#pragma once

#include "sandboxfixture.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Calls every public operation of the client's typed APIs (trunking(), voice(), sipDomains(),
// serverless()) against an in-process sandbox, one after another, with every optional field
// and filter set, so tst_clientcontract can check the names each request carried. Spins the
// event loop while it waits (tests only). Each operation is named as its client method.
class ContractDriver
{
public:
    explicit ContractDriver(SandboxFixture &fixture);

    void run();
    QSet<QString> driven() const { return m_driven; }
    // Operations that did not succeed, with Twilio's (or the client's) message.
    QStringList failures() const { return m_failures; }

private:
    template<class T, class Start> std::optional<T> drive(const char *operation, Start start);
    void trunking();
    void voice();
    void calls();
    void sipDomains();
    void serverless();
    void serverlessBuild(const QString &service, const QString &environment,
                         const QString &function);

    SandboxFixture &f;
    QSet<QString> m_driven;
    QStringList m_failures;
    QString m_trunk;
    QString m_number;          // a number of the demo trunk, moved off and back again
    QString m_otherNumber;     // a number whose voice settings are all rewritten
    QString m_emergencyNumber; // one with a registered emergency address
    QString m_acl;
    QString m_credentialList;
};
