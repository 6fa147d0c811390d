#include "sandboxcontext.h"

#include <QJsonValue>
#include <QLocale>

SandboxContext::SandboxContext(quint32 seed)
    : m_random(seed)
{}

QString SandboxContext::newSid(const char prefix[3])
{
    QString sid = QLatin1String(prefix, 2);
    for (int i = 0; i < 4; ++i)
        sid += QStringLiteral("%1").arg(m_random.generate(), 8, 16, QLatin1Char('0'));
    ++m_sidsMade;
    return sid;
}

void SandboxContext::skipSidsTo(quint64 made)
{
    for (; m_sidsMade < made; ++m_sidsMade)
        for (int i = 0; i < 4; ++i)
            m_random.generate();
}

QString SandboxContext::isoDate(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QDateTime SandboxContext::currentTime() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(clockOffsetMs);
}

QString SandboxContext::now() const
{
    return isoDate(currentTime());
}

void SandboxContext::setNumberTrunk(QJsonObject &number, const QString &trunkSid)
{
    const QString sid = number.value(QLatin1String("sid")).toString();
    const QString previous = number.value(QLatin1String("trunk_sid")).toString();
    if (!previous.isEmpty() && previous != trunkSid)
        store.remove(previous + QLatin1String("/PhoneNumbers"), sid);
    if (trunkSid.isEmpty()) {
        number.insert(QLatin1String("trunk_sid"), QJsonValue());
    } else {
        number.insert(QLatin1String("trunk_sid"), trunkSid);
        // A number routes either to a trunk or to an application, never both.
        number.insert(QLatin1String("voice_application_sid"), QJsonValue());
        if (!store.contains(trunkSid + QLatin1String("/PhoneNumbers"), sid))
            store.insert(trunkSid + QLatin1String("/PhoneNumbers"),
                         QJsonObject{{QStringLiteral("sid"), sid},
                                     {QStringLiteral("date_created"), now()},
                                     {QStringLiteral("date_updated"), now()}});
    }
    number.insert(QLatin1String("date_updated"), now());
    store.update(QStringLiteral("IncomingPhoneNumbers"), number);
}

std::optional<QJsonObject> SandboxContext::findService(const QString &sidOrUniqueName) const
{
    const QString services = QStringLiteral("Services");
    if (auto service = store.find(services, sidOrUniqueName))
        return service;
    const QList<QJsonObject> all = store.list(services);
    for (const QJsonObject &service : all) {
        if (service.value(QLatin1String("unique_name")).toString() == sidOrUniqueName)
            return service;
    }
    return std::nullopt;
}

QString SandboxContext::accountPath() const
{
    return QStringLiteral("/2010-04-01/Accounts/") + accountSid;
}

QJsonObject SandboxContext::renderV2010(const QJsonObject &record) const
{
    static const QLatin1String dateKeys[] = {
        QLatin1String("date_created"), QLatin1String("date_updated"), QLatin1String("start_time"),
        QLatin1String("end_time")};
    QJsonObject out;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('_')))
            out.insert(it.key(), it.value());
    }
    for (const QLatin1String key : dateKeys) {
        const QJsonValue value = out.value(key);
        if (!value.isString())
            continue;
        const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODate);
        out.insert(key, QLocale::c().toString(when.toUTC(),
                                              QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000")));
    }
    return out;
}

QString SandboxContext::absoluteUrl(const QString &path) const
{
    QString base = baseUrl.toString(QUrl::StripTrailingSlash);
    return base + path;
}

QJsonObject SandboxContext::renderV1(const QJsonObject &record) const
{
    QJsonObject out;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('_')))
            out.insert(it.key(), it.value());
    }
    if (out.value(QLatin1String("url")).isString())
        out.insert(QLatin1String("url"), absoluteUrl(out.value(QLatin1String("url")).toString()));
    if (out.value(QLatin1String("links")).isObject()) {
        QJsonObject links = out.value(QLatin1String("links")).toObject();
        for (auto it = links.begin(); it != links.end(); ++it)
            it.value() = absoluteUrl(it.value().toString());
        out.insert(QLatin1String("links"), links);
    }
    return out;
}
