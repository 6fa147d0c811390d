#include "buildcomposer.h"

#include <QJsonObject>
#include <QTest>

namespace {
QString sid(const char prefix[3], int n)
{
    return QLatin1String(prefix, 2) + QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}
} // namespace

class TestBuildComposer : public QObject
{
    Q_OBJECT
private slots:
    void readsVersionsOfABuild()
    {
        const QJsonArray versions{
            QJsonObject{{"sid", sid("ZN", 1)}, {"function_sid", sid("ZH", 1)}},
            QJsonObject{{"sid", sid("ZN", 2)}, {"function_sid", sid("ZH", 2)}},
            QJsonObject{{"sid", "ZNbroken"}, {"function_sid", sid("ZH", 3)}},
            QJsonObject{{"sid", sid("ZN", 4)}},
            QJsonValue(42),
        };
        const QMap<QString, QString> read = BuildComposer::versionsOf(versions);
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.value(sid("ZH", 1)), sid("ZN", 1));
        QCOMPARE(read.value(sid("ZH", 2)), sid("ZN", 2));
    }

    void keepsEveryFunctionAndPrefersTheNewest()
    {
        const QMap<QString, QString> live{{sid("ZH", 1), sid("ZN", 1)}};
        const QMap<QString, QString> earlier{{sid("ZH", 1), sid("ZN", 9)},
                                             {sid("ZH", 2), sid("ZN", 2)}};
        const QMap<QString, QString> now{{sid("ZH", 3), sid("ZN", 3)}};
        // Live stays live (the journal's older upload does not replace it), the function only
        // uploaded before comes back, and the new one joins.
        QCOMPARE(BuildComposer::compose(live, earlier, now),
                 (QStringList{sid("ZN", 1), sid("ZN", 2), sid("ZN", 3)}));
        const QMap<QString, QString> replace{{sid("ZH", 1), sid("ZN", 7)}};
        QCOMPARE(BuildComposer::compose(live, {}, replace), QStringList{sid("ZN", 7)});
    }
};

QTEST_GUILESS_MAIN(TestBuildComposer)
#include "tst_buildcomposer.moc"
