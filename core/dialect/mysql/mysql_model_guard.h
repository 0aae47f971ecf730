#pragma once

#include "../../model/model_files.h"
#include "../../result.h"

namespace burrow::dialect::mysql {

/// The model runs in a scratch database on the live server, where DDL commits at once: a
/// statement that switches databases (USE), creates or drops one, or writes to an object named
/// with its database (`app.book`) would reach the live ones. Such a model is refused before
/// anything runs. Names other statements only read (REFERENCES, a view's query, a trigger's or
/// an event's body) may be qualified, unless the model changes rows that would run a trigger or
/// routine writing to another database. What the whole server shares, and code that runs at
/// once, are refused too.
Status checkStaysInScratch(const model::ModelScript &script);

} // namespace burrow::dialect::mysql
