#include "numberstatetext.h"

#include <QCoreApplication>

QString numberStateText(NumberState state)
{
    switch (state) {
    case NumberState::OnTrunk:
        return QCoreApplication::translate("NumberState", "On trunk");
    case NumberState::Migrating:
        return QCoreApplication::translate("NumberState", "Migrating…");
    case NumberState::UrlSet:
        return QCoreApplication::translate("NumberState", "URL set, still on trunk");
    case NumberState::Migrated:
        return QCoreApplication::translate("NumberState", "Migrated");
    case NumberState::Failed:
        return QCoreApplication::translate("NumberState", "Failed");
    case NumberState::Reverting:
        return QCoreApplication::translate("NumberState", "Reverting…");
    case NumberState::Reverted:
        return QCoreApplication::translate("NumberState", "Reverted");
    case NumberState::NotOnTrunk:
        return QCoreApplication::translate("NumberState", "Not on trunk");
    }
    return {};
}
