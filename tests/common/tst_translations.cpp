// The English plural forms (resources/translations/trunk-migrator_en.ts) are complete: every
// tr("…%n…") of the sources is in the file, with both forms written. A new plural string that
// nobody ran update_translations for would otherwise show "number(s)" to every user.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private:
    struct Message
    {
        QString source;
        QStringList forms;
        bool unfinished = false;
    };

    static QList<Message> plurals()
    {
        QFile file(QStringLiteral(TM_SOURCE_DIR "/resources/translations/trunk-migrator_en.ts"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&file);
        QList<Message> result;
        Message current;
        bool plural = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
                plural = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                current = {};
            } else if (plural && xml.isStartElement() && xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (plural && xml.isStartElement() &&
                       xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.unfinished = type == QLatin1String("unfinished") ||
                                     type == QLatin1String("obsolete") ||
                                     type == QLatin1String("vanished");
            } else if (plural && xml.isStartElement() &&
                       xml.name() == QLatin1String("numerusform")) {
                current.forms.append(xml.readElementText());
            } else if (plural && xml.isEndElement() && xml.name() == QLatin1String("message")) {
                result.append(current);
                plural = false;
            }
        }
        return result;
    }

private slots:
    void everyPluralHasBothForms()
    {
        const QList<Message> messages = plurals();
        QVERIFY(messages.size() > 20);
        QStringList bad;
        for (const Message &m : messages) {
            if (m.unfinished || m.forms.size() != 2 || m.forms.contains(QString()) ||
                m.forms.at(0).contains(QLatin1String("(s)")))
                bad.append(m.source);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("unfinished plural forms (run the "
                                                          "update_translations target and "
                                                          "scripts/english-plurals.py): ") +
                                           bad.join(QStringLiteral(" | "))));
    }

    void everyPluralOfTheSourcesIsTranslated()
    {
        QSet<QString> known;
        for (const Message &m : plurals())
            known.insert(m.source);
        // tr("…%n…" as one literal: what the sources use for every plural.
        static const QRegularExpression call(
            QStringLiteral("(?:\\btr|translate\\(\\s*\"[A-Za-z]+\",)\\s*\\(?\\s*"
                           "\"((?:[^\"\\\\]|\\\\.)*%n(?:[^\"\\\\]|\\\\.)*)\"\\s*,"));
        QStringList missing;
        for (const char *folder : {"ui", "models", "services", "app"}) {
            QDirIterator it(QStringLiteral(TM_SOURCE_DIR "/") + QLatin1String(folder),
                            {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QString text = QString::fromUtf8(file.readAll());
                auto matches = call.globalMatch(text);
                while (matches.hasNext()) {
                    QString source = matches.next().captured(1);
                    source.replace(QStringLiteral("\\\""), QStringLiteral("\""))
                        .replace(QStringLiteral("\\n"), QStringLiteral("\n"));
                    if (!known.contains(source))
                        missing.append(QFileInfo(file).fileName() + QStringLiteral(": ") + source);
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the .ts file: ") +
                                               missing.join(QStringLiteral(" | "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
