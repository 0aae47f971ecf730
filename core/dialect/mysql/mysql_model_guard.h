#pragma once

#include "../../model/model_files.h"
#include "../../result.h"

namespace burrow::dialect::mysql {

/// The model runs in a scratch database on the live server, where DDL commits at once: a
/// statement that switches databases (USE), creates or drops one, or writes to an object named
/// with its database (`app.book`) would reach the live ones. Such a model is refused before
/// anything runs. Names other statements only read (REFERENCES, a view's query, a trigger's or
/// an event's body) may be qualified.
Status checkStaysInScratch(const model::ModelScript &script);

} // namespace burrow::dialect::mysql
