#include "calltargets.h"

#include <QRegularExpression>

QJsonObject CallTargets::toJson() const
{
    QJsonObject out;
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it)
        out.insert(it.key(), it.value() == Down ? QJsonValue(QStringLiteral("down"))
                                                : QJsonValue(it.value()));
    return out;
}

QString CallTargets::hostOf(const QString &sipUri)
{
    static const QRegularExpression pattern(
        QStringLiteral("^sips?:(?:[^@;?]*@)?(\\[[^\\]]*\\]|[^:;?]*)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(sipUri);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}
