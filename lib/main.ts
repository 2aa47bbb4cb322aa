import { App, YamlOutputType } from 'cdk8s';
import { createFleetCharts } from './charts/fleet-charts';

// `npm run synth` (cdk8s synth): one folder per chart under charts-out/, one file per resource.
const app = new App({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
createFleetCharts(app);
app.synth();
