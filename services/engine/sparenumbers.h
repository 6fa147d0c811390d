#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QObject>

// The account's spare voice numbers, for step 2's test number: on no trunk, not answered by a
// TwiML application (its application would take the calls, not the handler), not receiving
// faxes, and never moved by this tool (those belong to a migration). Pointing one of them at
// the handler moves no production number off its trunk. Emits exactly one of the signals.
class SpareNumbers : public QObject
{
    Q_OBJECT
public:
    explicit SpareNumbers(const EngineContext &context, QObject *parent = nullptr);
    void start();

signals:
    void loaded(const QVector<NumberInfo> &numbers);
    void failed(const OperationError &error);

private:
    EngineContext m_context;
};
