# Turns text files into a C++ table so the single `kinora` binary carries its
# migrations, API document and demo data set.
#   kinora_embed_resources(TARGET <lib> BASE <dir> FILES <relative paths...>)
set(KINORA_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_resources_script.cmake)

function(kinora_embed_resources)
  cmake_parse_arguments(ARG "" "TARGET;BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_resources.cpp)
  set(abs_files)
  foreach(f IN LISTS ARG_FILES)
    list(APPEND abs_files ${ARG_BASE}/${f})
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DBASE=${ARG_BASE} "-DFILES=${files_arg}"
            -P ${KINORA_EMBED_SCRIPT}
    DEPENDS ${abs_files} ${KINORA_EMBED_SCRIPT}
    COMMENT "Embedding resources into ${ARG_TARGET}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${out})
endfunction()
