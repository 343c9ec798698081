//
//  Mystery.cpp
//  com.osxkernel.Mystery
//
//  Source withheld. The declarations are in Mystery.h.
//
