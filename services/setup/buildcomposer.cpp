#include "buildcomposer.h"

#include "validation.h"

#include <QJsonObject>

QMap<QString, QString> BuildComposer::versionsOf(const QJsonArray &functionVersions)
{
    QMap<QString, QString> versions;
    for (const QJsonValue &value : functionVersions) {
        const QJsonObject version = value.toObject();
        const QString sid = version.value(QLatin1String("sid")).toString();
        const QString function = version.value(QLatin1String("function_sid")).toString();
        if (Validation::isSid(sid, "ZN") && Validation::isSid(function, "ZH"))
            versions.insert(function, sid);
    }
    return versions;
}

QStringList BuildComposer::compose(const QMap<QString, QString> &live,
                                   const QMap<QString, QString> &uploadedEarlier,
                                   const QMap<QString, QString> &deployedNow)
{
    QMap<QString, QString> chosen = live;
    for (auto it = uploadedEarlier.cbegin(); it != uploadedEarlier.cend(); ++it) {
        if (!chosen.contains(it.key()))
            chosen.insert(it.key(), it.value());
    }
    for (auto it = deployedNow.cbegin(); it != deployedNow.cend(); ++it)
        chosen.insert(it.key(), it.value());
    return chosen.values();
}
