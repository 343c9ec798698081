package kextshell.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** clang's format and wording for the likely mistakes (lab reference §5.2), one edit of the stock driver each. */
class DiagnosticsTest {
    static LabCompiler.Result edit(String from, String to) {
        String src = LabFixtures.STOCK_DRIVER;
        assertTrue(src.contains(from), from);
        return LabCompiler.compileOrThrow("Lab.cpp", src.replace(from, to), n -> null);
    }

    static void expect(String from, String to, String diagnostics) {
        LabCompiler.Result r = edit(from, to);
        assertEquals(diagnostics, r.diagnostics());
    }

    @Test
    void row1_superWithoutItsDefine() {
        LabCompiler.Result r = edit("#define super IOService\n", "");
        assertTrue(r.diagnostics().startsWith("""
                Lab.cpp:20:10: error: use of undeclared identifier 'super'
                    if (!super::start(provider))
                         ^
                """), r.diagnostics());
        assertTrue(r.diagnostics().endsWith("3 errors generated.\n"));
        assertFalse(r.ok(), "a failed build yields no kext");
    }

    @Test
    void row2_typoWithSuggestion() {
        expect("    registerService();", "    registrService();", """
                Lab.cpp:23:5: error: use of undeclared identifier 'registrService'; did you mean 'registerService'?
                    registrService();
                    ^
                    registerService
                1 error generated.
                """);
    }

    @Test
    void row2_ioLogNeedsIoLibH() {
        LabCompiler.Result r = edit("#include <IOKit/IOLib.h>\n", "");
        assertTrue(r.diagnostics().startsWith("Lab.cpp:19:5: error: use of undeclared identifier 'IOLog'"),
                r.diagnostics());
    }

    @Test
    void row3_dotOnAPointer() {
        expect("    if (!super::start(provider))", "    if (provider.isInactive())", """
                Lab.cpp:21:17: error: member reference type 'IOService *' is a pointer; did you mean to use '->'?
                    if (provider.isInactive())
                        ~~~~~~~~^
                                ->
                1 error generated.
                """);
    }

    @Test
    void row4_missingSemicolon() {
        expect("    IOLog(\"%s\\n\", __PRETTY_FUNCTION__);\n    if", "    IOLog(\"%s\\n\", __PRETTY_FUNCTION__)\n    if", """
                Lab.cpp:20:39: error: expected ';' after expression
                    IOLog("%s\\n", __PRETTY_FUNCTION__)
                                                      ^
                                                      ;
                1 error generated.
                """);
    }

    @Test
    void row5_noMember() {
        expect("    registerService();", "    getProvider()->clientStopped();", """
                Lab.cpp:23:20: error: no member named 'clientStopped' in 'IOService'
                    getProvider()->clientStopped();
                                   ^
                1 error generated.
                """);
    }

    @Test
    void row6_noImplicitDowncast() {
        assertTrue(edit("    registerService();", "    com_osxkernel_driver *d = provider;").diagnostics().startsWith(
                "Lab.cpp:23:31: error: cannot initialize a variable of type 'com_osxkernel_driver *' with an lvalue of "
                        + "type 'IOService *'"));
    }

    @Test
    void row9_overrideWithAnotherReturnType() {
        assertTrue(edit("    void stop(IOService *provider) override;", "    int stop(IOService *provider) override;")
                .diagnostics().startsWith("Lab.cpp:11:9: error: virtual function 'stop' has a different return type "
                        + "('int') than the function it overrides (which has return type 'void')"));
    }

    @Test
    void row11_fallingOffTheEndIsAWarningAndStillBuilds() {
        LabCompiler.Result r = edit("    return true;\n}", "}");
        assertEquals("""
                Lab.cpp:24:1: warning: non-void function does not return a value in all control paths [-Wreturn-type]
                }
                ^
                1 warning generated.
                """, r.diagnostics());
        assertTrue(r.ok());
    }

    @Test
    void row12_privateKernelMethod() {
        assertTrue(edit("    registerService();", "    scheduleStop(provider);").diagnostics()
                .startsWith("Lab.cpp:23:5: error: 'scheduleStop' is a private member of 'IOService'"));
    }

    @Test
    void row13_tooFewArguments() {
        assertTrue(edit("    if (!super::start(provider))", "    if (!super::start())").diagnostics().startsWith(
                "Lab.cpp:21:23: error: too few arguments to function call, single argument 'provider' was not "
                        + "specified"));
    }

    @Test
    void row14_format() {
        assertTrue(edit("    IOLog(\"%s\\n\", __PRETTY_FUNCTION__);\n    if", "    IOLog(\"%d\\n\", getName());\n    if")
                .diagnostics().startsWith("Lab.cpp:20:19: warning: format specifies type 'int' but the argument has "
                        + "type 'const char *' [-Wformat]"));
    }

    @Test
    void row16_inconsistentOverride() {
        assertTrue(edit("    void stop(IOService *provider) override;", "    void stop(IOService *provider);")
                .diagnostics().contains("warning: 'stop' overrides a member function but is not marked 'override' "
                        + "[-Winconsistent-missing-override]"));
    }

    @Test
    void row19_unknownTypeName() {
        expect("    registerService();", "    IOServce *p = provider;", """
                Lab.cpp:23:5: error: unknown type name 'IOServce'; did you mean 'IOService'?
                    IOServce *p = provider;
                    ^~~~~~~~
                    IOService
                1 error generated.
                """);
    }

    @Test
    void row20_headerNotFoundIsFatal() {
        expect("#include <IOKit/IOLib.h>", "#include <IOKit/IOServce.h>", """
                Lab.cpp:3:10: fatal error: 'IOKit/IOServce.h' file not found
                #include <IOKit/IOServce.h>
                         ^~~~~~~~~~~~~~~~~~
                1 error generated.
                """);
    }

    @Test
    void row23_exceptionsAreDisabled() {
        assertTrue(edit("    registerService();", "    try { }").diagnostics()
                .startsWith("Lab.cpp:23:5: error: cannot use 'try' with exceptions disabled"));
    }

    @Test
    void labOnlyConstructsSayTheyAreTheLabs() {
        String d = edit("    registerService();", "    IOService *p = new IOService;").diagnostics();
        assertTrue(d.contains("error: 'new' is not supported in the driver lab"), d);
    }

    @Test
    void aClassNamedLikeAKernelClassIsARedefinition() {
        String d = LabCompiler.compileOrThrow("Lab.cpp", "#include <IOKit/IOService.h>\n"
                + "class IOService : public IOService\n{\n    OSDeclareDefaultStructors(IOService)\n};\n", n -> null)
                .diagnostics();
        assertTrue(d.startsWith("Lab.cpp:2:7: error: redefinition of 'IOService'"), d);
    }

    @Test
    void anUninitialisedLocalIsWarnedAboutOnlyInAnErrorFreeUnit() {
        LabCompiler.Result r = edit("    registerService();", "    IOService *p;\n    p->registerService();");
        assertEquals("""
                Lab.cpp:24:5: warning: variable 'p' is uninitialized when used here [-Wuninitialized]
                    p->registerService();
                    ^
                Lab.cpp:23:17: note: initialize the variable 'p' to silence this warning
                    IOService *p;
                                ^
                                 = nullptr
                1 warning generated.
                """, r.diagnostics());
        assertTrue(r.ok());
        String withError = edit("    registerService();", "    IOService *p;\n    p->registerService();\n    nope();")
                .diagnostics();
        assertFalse(withError.contains("uninitialized"), withError);
        assertTrue(edit("    registerService();", "    bool b;\n    b = true;\n    if (b) registerService();")
                .diagnostics().isEmpty());
    }

    @Test
    void clangStopsAfterNineteenErrors() {
        String body = "    undeclared1 = 0;\n".repeat(25);
        String d = edit("    registerService();", body).diagnostics();
        assertEquals(19, d.lines().filter(l -> l.contains(": error: use of undeclared identifier")).count());
        assertTrue(d.contains("fatal error: too many errors emitted, stopping now [-ferror-limit=]"), d);
        assertTrue(d.endsWith("20 errors generated.\n"), d);
    }

    @Test
    void errorsAndWarningsAreCountedTogether() {
        String d = edit("#define super IOService\n", "#define super IOService\n#define super IOUserClient\n")
                .diagnostics();
        assertTrue(d.endsWith("1 warning and 3 errors generated.\n"), d);
    }
}
