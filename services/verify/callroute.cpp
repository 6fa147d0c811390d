#include "callroute.h"

#include <QUrl>

#include <algorithm>

namespace {
QString decoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QList<QPair<QString, QString>> pairs(const QString &text, QChar separator)
{
    QList<QPair<QString, QString>> result;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals < 0)
            result.append({decoded(part).toLower(), QString()});
        else
            result.append({decoded(part.left(equals)).toLower(), decoded(part.mid(equals + 1))});
    }
    return result;
}

QString joined(QList<QPair<QString, QString>> list, const QString &separator)
{
    std::sort(list.begin(), list.end());
    QStringList parts;
    for (const auto &[name, value] : list)
        parts.append(value.isEmpty() ? name : name + u'=' + value);
    return parts.join(separator);
}
} // namespace

SipTarget SipTarget::parse(const QString &uri)
{
    SipTarget target;
    QString rest = uri.trimmed();
    if (rest.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive)) {
        rest = rest.mid(5);
        target.parameters.append({QStringLiteral("transport"), QStringLiteral("tls")});
    } else if (rest.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive)) {
        rest = rest.mid(4);
    } else {
        return target;
    }
    const qsizetype question = rest.indexOf(u'?');
    if (question >= 0) {
        target.headers = pairs(rest.mid(question + 1), u'&');
        rest = rest.left(question);
    }
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        target.user = decoded(rest.left(at));
        rest = rest.mid(at + 1);
    }
    const qsizetype semicolon = rest.indexOf(u';');
    target.hostPort = (semicolon < 0 ? rest : rest.left(semicolon)).toLower();
    if (semicolon >= 0)
        target.parameters.append(pairs(rest.mid(semicolon + 1), u';'));
    return target;
}

QString SipTarget::address() const
{
    const QString parameters = parameterText();
    return parameters.isEmpty() ? hostPort : hostPort + u';' + parameters;
}

QString SipTarget::parameterText() const
{
    return joined(parameters, QStringLiteral(";"));
}

QString SipTarget::headerText() const
{
    return joined(headers, QStringLiteral("&"));
}

QString SipTarget::value(const QString &name) const
{
    for (const auto &[key, value] : parameters)
        if (key == name.toLower())
            return value;
    return {};
}

bool SipTarget::has(const QString &name) const
{
    return std::any_of(parameters.cbegin(), parameters.cend(),
                       [&](const auto &p) { return p.first == name.toLower(); });
}

QString CallEnd::text() const
{
    switch (kind) {
    case Kind::None:
        return tr("nothing (the call ends)");
    case Kind::Redirect:
        return tr("redirect to %1").arg(detail);
    case Kind::Reject:
        return tr("reject (%1)").arg(detail);
    case Kind::Message:
        return tr("a message, then hang up");
    case Kind::Hangup:
        return tr("hang up");
    case Kind::Error:
        return tr("error: %1").arg(detail);
    }
    return {};
}
