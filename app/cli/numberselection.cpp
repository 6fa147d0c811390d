#include "numberselection.h"

QString NumberSelection::resolve(const QVector<NumberInfo> &numbers,
                                 const QStringList &phoneNumbers, bool all, const QString &trunkSid,
                                 QStringList *sids)
{
    sids->clear();
    if (all) {
        for (const NumberInfo &number : numbers)
            sids->append(number.sid);
        if (sids->isEmpty())
            return tr("Trunk %1 has no numbers to select.").arg(trunkSid);
        return {};
    }
    QStringList unknown;
    for (const QString &phoneNumber : phoneNumbers) {
        if (const NumberInfo *number = find(numbers, phoneNumber))
            sids->append(number->sid);
        else
            unknown.append(phoneNumber);
    }
    if (unknown.isEmpty())
        return {};
    sids->clear();
    const QString shown = unknown.size() > 5 ? unknown.mid(0, 5).join(QStringLiteral(", ")) +
                                                   tr(" and %1 more").arg(unknown.size() - 5)
                                             : unknown.join(QStringLiteral(", "));
    return tr("Not found on trunk %1: %2.").arg(trunkSid, shown);
}

const NumberInfo *NumberSelection::find(const QVector<NumberInfo> &numbers,
                                        const QString &phoneNumber)
{
    for (const NumberInfo &number : numbers) {
        if (number.phoneNumber == phoneNumber)
            return &number;
    }
    return nullptr;
}
