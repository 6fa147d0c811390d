#pragma once

#include "migrationtypes.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QSpinBox;
class ValidatedField;

// The choices of the Calls page (CallChoices): a fallback URL for when the handlers fail, what
// happens to the URLs the numbers carry that the trunk ignored, ring time, longest call, the
// country of the PBX's national numbers, the caller IDs for calls that bring none, and which of
// the trunk's droppable settings to carry.
// Only what the chosen trunk uses is shown; prepare() puts everything back to carrying what the
// trunk did.
class CallChoicesForm : public QWidget
{
    Q_OBJECT
public:
    explicit CallChoicesForm(QWidget *parent = nullptr);

    void prepare(const TrunkSummary &trunk);
    CallChoices choices() const;
    // False while the fallback URL is not one the handlers can use (its message shows).
    bool isValid() const;

    // The countries whose national numbering the handlers know (CallBehaviour::countries()).
    static QStringList countries();
    // Empty for an acceptable fallback URL (empty included), else the sentence to show.
    static QString checkFallbackUrl(const QString &text);
    // Empty for an acceptable default caller ID (empty included), else the sentence to show.
    static QString checkDefaultCallerId(const QString &text);

signals:
    void changed();

private:
    QGroupBox *makeFallbackGroup();
    QGroupBox *makeCallsGroup();
    QGroupBox *makeCallerIdGroup();
    QGroupBox *makeCarryGroup();
    // `what` names the setting in full for the tooltip.
    void addCarry(const QString &setting, const QString &text, const QString &what,
                  const QString &objectName);
    void placeCarry();
    void updateEnabled();

    ValidatedField *m_fallbackUrl;
    QCheckBox *m_disasterRecoveryFallback;
    QCheckBox *m_keepOwnFallback;
    QCheckBox *m_keepStatusCallbacks;
    QSpinBox *m_ringTime;
    QSpinBox *m_longestCall;
    QComboBox *m_country;
    ValidatedField *m_defaultCallerId;
    QLabel *m_emergencyCallerLabel = nullptr;
    QComboBox *m_emergencyCaller;
    QLabel *m_carryNone;
    QGroupBox *m_carryGroup = nullptr;
    QGridLayout *m_carryLayout = nullptr;
    QHash<QString, QCheckBox *> m_carry; // EquivalenceItem::setting -> its check box
    QStringList m_carryOrder;
};
