# Warnings, strict Qt defines and the optional sanitizer build, applied to every Burrow target
# through the burrow_options interface library.
add_library(burrow_options INTERFACE)

target_compile_options(burrow_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wno-missing-field-initializers -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(BURROW_WERROR)
  target_compile_options(burrow_options INTERFACE -Werror)
endif()

# Qt Creator's house rules: no implicit conversions from char*, no `emit`/`slots` macros.
target_compile_definitions(burrow_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS QT_NO_FOREACH QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  BURROW_VERSION="${PROJECT_VERSION}")

option(BURROW_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(BURROW_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(burrow_options INTERFACE ${_san})
  target_link_options(burrow_options INTERFACE ${_san})
endif()

# core/ must never see Qt GUI or Widgets headers. Qt's include root is on core's include path
# (through Qt6::Core), so <QtWidgets/QWidget> would otherwise compile; shadow every GUI and
# Widgets header with one that stops the build.
function(burrow_poison_gui_headers target)
  get_target_property(_dirs Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
  set(_poison ${CMAKE_BINARY_DIR}/layering-guard)
  foreach(_dir IN LISTS _dirs)
    if(_dir MATCHES "/QtCore$")
      get_filename_component(_qt_root ${_dir} DIRECTORY)
    endif()
  endforeach()
  foreach(_module QtGui QtWidgets QtOpenGL QtOpenGLWidgets QtPrintSupport)
    file(GLOB _headers RELATIVE ${_qt_root}/${_module} ${_qt_root}/${_module}/*)
    foreach(_header ${_module} ${_headers})
      file(CONFIGURE OUTPUT ${_poison}/${_module}/${_header} CONTENT
           "#error \"core/ is Qt Core and Sql only: ${_module}/${_header} belongs in ui/\"\n")
    endforeach()
    file(CONFIGURE OUTPUT ${_poison}/${_module} CONTENT
         "#error \"core/ is Qt Core and Sql only: ${_module} belongs in ui/\"\n")
  endforeach()
  target_include_directories(${target} BEFORE PRIVATE ${_poison})
endfunction()
