#include "secretindex.h"

#include <QSettings>

namespace {
// One group, one key per account: "remembered-secrets/AC... = AC... or SK...".
const QString kGroup = QStringLiteral("remembered-secrets");
} // namespace

SecretIndex::SecretIndex(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(settings);
}

void SecretIndex::add(const QString &accountSid, const QString &credentialSid)
{
    m_settings->beginGroup(kGroup);
    m_settings->setValue(accountSid, credentialSid);
    m_settings->endGroup();
}

void SecretIndex::remove(const QString &accountSid)
{
    m_settings->beginGroup(kGroup);
    m_settings->remove(accountSid);
    m_settings->endGroup();
}

QString SecretIndex::credentialSid(const QString &accountSid) const
{
    m_settings->beginGroup(kGroup);
    const QString sid = m_settings->value(accountSid).toString();
    m_settings->endGroup();
    return sid;
}

QStringList SecretIndex::accountSids() const
{
    m_settings->beginGroup(kGroup);
    const QStringList sids = m_settings->childKeys();
    m_settings->endGroup();
    return sids;
}
