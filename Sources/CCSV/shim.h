// libcsv (Debian: libcsv-dev) ships csv.h and libcsv but no pkg-config file,
// so this shim is the one place that names the header.
#ifndef APEN_CCSV_SHIM_H
#define APEN_CCSV_SHIM_H
#include <stddef.h>
#include <csv.h>
#endif
