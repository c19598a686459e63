// Runs in the generated project after its build: is the bundle one the marketplace would admit?
import java.util.jar.JarFile

// basedir is this test's directory; the archetype generated the project under project/
def project = new File(basedir, 'project/minilm-embedder')
def jar = new File(project, 'target/minilm-embedder-1.0.0.jar')
assert jar.isFile() : "no bundle at $jar"
new JarFile(jar).withCloseable { bundle ->
  def main = bundle.manifest.mainAttributes
  assert main.getValue('Bundle-SymbolicName') == 'com.example.it.embed'
  assert main.getValue('VJVector-Kind') == 'embedder'
  assert main.getValue('Export-Package') == null : 'a plugin exports nothing'
  def imports = main.getValue('Import-Package').split(/,(?=[a-z])/).collect { it.split(';')[0] }
  assert imports.every { it.startsWith('io.vjvector.sdk.') || it.startsWith('java.') } : imports
  assert main.getValue('Import-Package').contains('io.vjvector.sdk.embed;version="[1.0,2)"')
  def ds = bundle.getInputStream(bundle.getEntry('OSGI-INF/com.example.it.embed.HashingEmbedder.xml')).text
  assert ds.contains('<property name="vjvector.embedder.name" type="String" value="minilm"/>') : ds
  assert ds.contains('<provide interface="io.vjvector.sdk.embed.Embedder"/>') : ds
}
def feature = new File(project, 'target/feature/feature.xml').text
assert feature.contains('<feature>vjvector-sdk</feature>') : feature
assert feature.contains('<bundle>mvn:com.example.it/minilm-embedder/1.0.0</bundle>') : feature
assert new File(project, 'target/surefire-reports/TEST-com.example.it.embed.HashingEmbedderTest.xml').isFile()
return true
