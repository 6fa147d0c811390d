#include "translationloader.h"

#include <QCoreApplication>
#include <QTranslator>

namespace TranslationLoader {

void installEnglishPlurals(QCoreApplication *app)
{
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral(":/i18n/trunk-migrator_en.qm")))
        QCoreApplication::installTranslator(plurals);
    else
        qWarning("the English plural forms are missing from the program's resources");
}

} // namespace TranslationLoader
