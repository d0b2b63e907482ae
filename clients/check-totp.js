// The story's codes are only as good as the TOTP in its pre-request script: this runs that script, as the
// collection holds it, in Postman's own sandbox (postman-sandbox, which newman runs scripts in) and checks it
// against the test vectors of RFC 6238 (SHA1) and RFC 4226, and against oathtool where it is installed.
//
//   node clients/check-totp.js      # from the repository, after npm ci --prefix .ci/node
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.join(__dirname, "..");
const Sandbox = require(require.resolve("postman-sandbox", { paths: [path.join(root, ".ci/node")] }));
const collection = JSON.parse(fs.readFileSync(path.join(__dirname, "desist.postman_collection.json"), "utf8"));
const script = collection.event.find(e => e.listen === "prerequest").script.exec.join("\n");

// RFC 6238's SHA1 seed, "12345678901234567890", in base32
const seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const checks = [
    [59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"], [1234567890, "89005924"],
    [2000000000, "69279037"], [20000000000, "65353130"]
].map(([seconds, code]) => [`RFC 6238 (SHA1) at ${seconds}`, seed, Math.floor(seconds / 30), 8, code]);
["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    .forEach((code, counter) => checks.push([`RFC 4226 at counter ${counter}`, seed, counter, 6, code]));
try {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    for (const seconds of [0, 1700000000, Math.floor(Date.now() / 1000)]) {
        const code = execFileSync("oathtool", ["--totp", "-b", secret, "-N", "@" + seconds]).toString().trim();
        checks.push([`oathtool at ${seconds}`, secret, Math.floor(seconds / 30), 6, code]);
    }
} catch (missing) {
    console.log("oathtool is not installed: checked against the RFCs' vectors only");
}
const asserts = checks.map(([name, secret, step, digits, code]) =>
    `pm.test(${JSON.stringify(name)}, () => pm.expect(totp(${JSON.stringify(secret)}, ${step}, ${digits})).to.eql(${JSON.stringify(code)}));`);

Sandbox.createContext({}, (error, context) => {
    if (error) {
        throw error;
    }
    let passed = 0;
    let failed = 0;
    context.on("execution.assertion", (cursor, assertions) => assertions.forEach(assertion => {
        if (assertion.passed) {
            passed++;
        } else {
            failed++;
            console.log(`failed: ${assertion.name}: ${assertion.error && assertion.error.message}`);
        }
    }));
    const event = { listen: "prerequest", script: { exec: script + "\n" + asserts.join("\n") } };
    context.execute(event, { context: {} }, executionError => {
        if (executionError) {
            console.log("the script failed: " + (executionError.message || JSON.stringify(executionError)));
            failed++;
        }
        console.log(`TOTP of the story's pre-request script: ${passed} passed, ${failed} failed`);
        process.exitCode = failed || passed !== checks.length ? 1 : 0;
        context.dispose();
    });
});
