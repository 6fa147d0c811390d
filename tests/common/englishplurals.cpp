// Compiled into every test program: the English plural forms are installed as soon as the
// test's application object exists, as the programs' main() does.
#include "translationloader.h"

#include <QCoreApplication>

namespace {
void install()
{
    TranslationLoader::installEnglishPlurals(QCoreApplication::instance());
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(install)
