#include "migrationtypes.h"

#include <QCoreApplication>

QStringList EquivalenceReport::unacknowledged(const QStringList &accepted) const
{
    QStringList missing;
    for (const EquivalenceItem &i : items)
        if (i.needsAcknowledgement && !accepted.contains(i.setting))
            missing.append(i.setting);
    return missing;
}

const EquivalenceItem *EquivalenceReport::item(const QString &setting) const
{
    for (const EquivalenceItem &i : items)
        if (i.setting == setting)
            return &i;
    return nullptr;
}

QString EquivalenceReport::acknowledgementRefusal(const QStringList &titles)
{
    return QCoreApplication::translate("EquivalenceReport",
                                       "Nothing was changed: these changes to how calls behave "
                                       "must be acknowledged first: %1.")
        .arg(titles.join(QStringLiteral("; ")));
}

bool VerifyReport::same() const
{
    return differentCount() == 0;
}

int VerifyReport::differentCount() const
{
    int count = account.isEmpty() ? 0 : 1;
    for (const NumberVerification &n : numbers)
        count += n.differences.isEmpty() ? 0 : 1;
    return count;
}
